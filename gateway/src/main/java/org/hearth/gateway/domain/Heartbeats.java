package org.hearth.gateway.domain;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.time.Scheduler;

/**
 * Tells every carer, every interval, that the gateway is alive, so their device can raise its
 * own alarm when the heartbeats stop. On shutdown it sends a last heartbeat saying so.
 */
public final class Heartbeats {

    private final Ladder ladder;
    private final AlertChannel channel;
    private final Scheduler scheduler;
    private final String home;
    private final Duration interval;
    private long seq;
    private Scheduler.Cancellable next;
    private final CarerReachability reachability;
    private final java.util.Set<String> revoked = new java.util.HashSet<>();

    /** @param reachability told every heartbeat's outcome, so the resident hears when no carer can be reached */
    Heartbeats(Ladder ladder, AlertChannel channel, Scheduler scheduler, String home, Duration interval,
                      CarerReachability reachability) {
        this.reachability = reachability;
        this.ladder = ladder;
        this.channel = channel;
        this.scheduler = scheduler;
        this.home = home;
        this.interval = interval;
    }

    /** Stops sending heartbeats to a carer whose key was revoked. */
    public void stopSendingTo(String carer) {
        revoked.add(carer);
    }

    /** Sends one now and then every interval. Call on the event loop. */
    public void start() {
        java.time.Instant attempted = scheduler.now();
        List<Carer> carers = carers();
        List<CompletionStage<Boolean>> results = beat(Heartbeat.RUNNING);
        for (int i = 0; i < results.size(); i++) {
            Carer carer = carers.get(i);
            results.get(i).whenComplete((ok, error) -> scheduler.execute(() -> {
                if (Boolean.TRUE.equals(ok) && error == null) {
                    reachability.answered(carer.name());
                } else {
                    reachability.failed(carer.name(), attempted);
                }
            }));
        }
        next = scheduler.schedule(interval, this::start);
    }

    /** Stops the beat and sends a final "stopping" heartbeat; completes when every carer answered or failed. */
    public CompletionStage<Void> stop() {
        if (next != null) {
            next.cancel();
        }
        return CompletableFuture.allOf(beat(Heartbeat.STOPPING).stream()
                .map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
    }

    private List<CompletionStage<Boolean>> beat(String state) {
        Heartbeat hb = new Heartbeat(Protocol.VERSION, home, scheduler.now(), ++seq, interval.toSeconds(), state);
        return carers().stream().map(c -> channel.heartbeat(c, hb)).toList();
    }

    private List<Carer> carers() {
        return ladder.carers().stream().filter(c -> !revoked.contains(c.name())).toList();
    }
}
