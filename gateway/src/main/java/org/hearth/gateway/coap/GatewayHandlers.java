package org.hearth.gateway.coap;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.hearth.gateway.domain.AckResult;
import org.hearth.protocol.Down;
import org.hearth.protocol.GatewayStatus;
import org.hearth.protocol.OpenAlerts;

/**
 * What the CoAP resources ask of the gateway. The app implements it by posting to the event
 * loop, so Californium's threads never touch domain state.
 */
public interface GatewayHandlers {

    CompletionStage<GatewayStatus> status();

    CompletionStage<OpenAlerts> openAlerts();

    /** {@code identity} is the PSK identity the DTLS handshake proved; never taken from the payload. */
    CompletionStage<AckResult> acknowledge(UUID alertId, String identity, String note);

    /**
     * A carer closes an alert from their own device, saying how it ended. {@code identity} is the
     * PSK identity the DTLS handshake proved. Completes once the resolution is stored.
     */
    CompletionStage<AckResult> resolve(UUID alertId, String identity, Down.Outcome outcome, String note);
}
