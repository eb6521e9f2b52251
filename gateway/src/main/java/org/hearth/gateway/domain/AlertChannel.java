package org.hearth.gateway.domain;

import java.util.concurrent.CompletionStage;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;

/**
 * Sends an alert to one carer's device. Completes with true when the device answered 2.xx
 * (delivered, not yet acknowledged), false when it refused or could not be reached. Completion
 * may come on any thread; the outbox posts it back to the event loop.
 */
public interface AlertChannel {

    CompletionStage<Boolean> send(Carer carer, Alert alert);

    /** Tells one carer the gateway is alive; completes true when their device answered. */
    CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat);
}
