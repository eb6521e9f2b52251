package org.hearth.hub.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the liveness watch keeps: the last heartbeat of each home's gateway, and SILENT/BACK events. */
public interface LivenessStore {

    /** Records a heartbeat the hub received at {@code at}. */
    void heartbeat(String homeId, Instant at, Duration interval);

    /** Records several homes' heartbeats; a store with transactions writes them in one. */
    default void heartbeats(List<Heard> heard) {
        heard.forEach(h -> heartbeat(h.homeId(), h.at(), h.interval()));
    }

    /** A heartbeat the hub received at {@code at}, announcing {@code interval} until the next. */
    record Heard(String homeId, Instant at, Duration interval) {
    }

    /** Records a SILENT or BACK event, the home's resulting state and its stream entry, together. */
    void gatewayEvent(GatewayEvent event);

    /** Every home that has sent a heartbeat. */
    List<Liveness> liveness();

    /** One home's, if its gateway has sent a heartbeat. */
    default Optional<Liveness> liveness(String homeId) {
        return liveness().stream().filter(l -> l.homeId().equals(homeId)).findFirst();
    }
}
