package org.hearth.gateway.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.Carer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;

/** A carer network in a test: each carer is reachable or not; every send is recorded and answered at once. */
public final class ScriptedChannel implements AlertChannel {

    /** One attempted send. */
    public record Sent(String carer, Alert alert, boolean delivered) {
    }

    private final Set<String> unreachable = new HashSet<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Heartbeat> heartbeats = new ArrayList<>();

    public void unreachable(String carer) {
        unreachable.add(carer);
    }

    public void reachable(String carer) {
        unreachable.remove(carer);
    }

    @Override
    public CompletionStage<Boolean> send(Carer carer, Alert alert) {
        boolean ok = !unreachable.contains(carer.name());
        sent.add(new Sent(carer.name(), alert, ok));
        return CompletableFuture.completedFuture(ok);
    }

    @Override
    public CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat) {
        heartbeats.add(heartbeat);
        return CompletableFuture.completedFuture(!unreachable.contains(carer.name()));
    }

    public List<Sent> sent() {
        return sent;
    }

    /** What each carer actually received, in order. */
    public List<Sent> deliveredTo(String carer) {
        return sent.stream().filter(s -> s.carer().equals(carer) && s.delivered()).toList();
    }

    public List<Heartbeat> heartbeats() {
        return heartbeats;
    }
}
