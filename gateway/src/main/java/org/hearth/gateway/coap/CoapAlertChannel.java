package org.hearth.gateway.coap;

import java.util.concurrent.CompletionStage;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.Carer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.WireCodec;
import org.hearth.transport.Sender;

/**
 * Sends alerts and heartbeats to carers as confirmable CoAP POSTs over the gateway's outgoing
 * DTLS endpoint. Californium retransmits below, {@link Sender} re-sends with a fresh handshake
 * when a device restarts, and the outbox retries above when this reports failure.
 */
public final class CoapAlertChannel implements AlertChannel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoapAlertChannel.class);

    private final Sender sender;

    public CoapAlertChannel(CoapGatewayServer server) {
        this.sender = server.sender();
    }

    @Override
    public CompletionStage<Boolean> send(Carer carer, Alert alert) {
        return post(carer, Protocol.ALERTS, WireCodec.encode(alert), alert.id().toString());
    }

    @Override
    public CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat) {
        return post(carer, Protocol.HEARTBEAT, WireCodec.encode(heartbeat), null);
    }

    /**
     * Posts confirmably. A receipt that names another alert is not a delivery: after a restart on
     * the same port, a reused message id can draw the device's cached answer to an older request.
     */
    private CompletionStage<Boolean> post(Carer carer, String path, byte[] payload, String expectedReceipt) {
        return sender.send(Code.POST, carer.endpoint().resolve("/" + path), carer.identity(), payload, MediaTypeRegistry.APPLICATION_JSON)
                .thenApply(outcome -> outcome.response().map(response -> {
                    String receipt = response.getPayloadString();
                    if (response.isSuccess() && expectedReceipt != null && !receipt.isEmpty() && !receipt.equals(expectedReceipt)) {
                        LOG.warn("A carer's device answered a send of {} with a receipt for another alert; sending again",
                                expectedReceipt);
                        return false;
                    }
                    return response.isSuccess();
                }).orElse(false));
    }
}
