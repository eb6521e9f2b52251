package org.hearth.gateway.domain.hub;

import java.util.concurrent.CompletionStage;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.Carer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;

/**
 * One {@link AlertChannel} for the whole ladder: a carer through the hub is reached over the
 * hub's uplink, any other at their own device. The outbox and the heartbeats need not know which.
 */
public final class RoutedChannel implements AlertChannel {

    private final AlertChannel direct;
    private final AlertChannel hub;

    public RoutedChannel(AlertChannel direct, AlertChannel hub) {
        this.direct = direct;
        this.hub = hub;
    }

    @Override
    public CompletionStage<Boolean> send(Carer carer, Alert alert) {
        return (carer.viaHub() ? hub : direct).send(carer, alert);
    }

    @Override
    public CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat) {
        return (carer.viaHub() ? hub : direct).heartbeat(carer, heartbeat);
    }
}
