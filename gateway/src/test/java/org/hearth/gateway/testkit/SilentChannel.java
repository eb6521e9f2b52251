package org.hearth.gateway.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.Carer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;

/**
 * A network that never answers: nothing is delivered and nothing fails, so an alert core built on
 * it keeps its alerts RAISED. For tests of the machine's own states, where delivery is not the point.
 */
public final class SilentChannel implements AlertChannel {

    @Override
    public CompletionStage<Boolean> send(Carer carer, Alert alert) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat) {
        return new CompletableFuture<>();
    }
}
