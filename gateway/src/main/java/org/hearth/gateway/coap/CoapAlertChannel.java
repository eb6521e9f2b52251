package org.hearth.gateway.coap;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.Carer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.WireCodec;

/**
 * Sends alerts and heartbeats to carers as confirmable CoAP POSTs over the gateway's outgoing
 * DTLS endpoint. Californium retransmits below; the outbox retries above when this reports failure.
 */
public final class CoapAlertChannel implements AlertChannel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoapAlertChannel.class);
    /** Longer than Californium's own worst case: a DTLS handshake plus every CoAP retransmission. */
    static final java.time.Duration GIVE_UP = java.time.Duration.ofMinutes(3);

    private final CoapGatewayServer server;

    public CoapAlertChannel(CoapGatewayServer server) {
        this.server = server;
    }

    @Override
    public CompletionStage<Boolean> send(Carer carer, Alert alert) {
        return post(carer.endpoint(), Protocol.ALERTS, WireCodec.encode(alert), alert.id().toString());
    }

    @Override
    public CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat) {
        return post(carer.endpoint(), Protocol.HEARTBEAT, WireCodec.encode(heartbeat), null);
    }

    /**
     * Posts confirmably. A receipt that names another alert is not a delivery: after a restart on
     * the same port, a reused message id can draw the device's cached answer to an older request.
     * A send that never completes (it should not happen; Californium times out within about two
     * minutes) is given up after {@link #GIVE_UP}, so one stuck exchange cannot block a carer forever.
     */
    private CompletionStage<Boolean> post(URI endpoint, String path, byte[] payload, String expectedReceipt) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Request request = Request.newPost();
        request.setType(Type.CON);
        request.setURI(endpoint.resolve("/" + path));
        request.setPayload(payload);
        request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                String receipt = response.getPayloadString();
                if (response.isSuccess() && expectedReceipt != null && !receipt.isEmpty() && !receipt.equals(expectedReceipt)) {
                    LOG.warn("A carer's device answered a send of {} with a receipt for another alert; sending again", expectedReceipt);
                    result.complete(false);
                    return;
                }
                result.complete(response.isSuccess());
            }

            @Override
            public void onReject() {
                result.complete(false);
            }

            @Override
            public void onTimeout() {
                result.complete(false);
            }

            @Override
            public void onCancel() {
                result.complete(false);
            }

            @Override
            protected void failed() {
                result.complete(false);
            }

            @Override
            public void onSendError(Throwable error) {
                result.complete(false);
            }
        });
        server.outgoingEndpoint().sendRequest(request);
        return result.completeOnTimeout(false, GIVE_UP.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, error) -> {
            if (!request.isCanceled() && request.getResponse() == null && Boolean.FALSE.equals(ok)) {
                request.cancel();
            }
        });
    }
}
