package org.hearth.gateway.coap;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * Sends alerts and heartbeats to carers as confirmable CoAP POSTs over the gateway's DTLS
 * endpoint. Californium retransmits below; the outbox retries above when this reports failure.
 */
public final class CoapAlertChannel implements AlertChannel {

    private final CoapGatewayServer server;

    public CoapAlertChannel(CoapGatewayServer server) {
        this.server = server;
    }

    @Override
    public CompletionStage<Boolean> send(Carer carer, Alert alert) {
        return post(carer.endpoint(), Protocol.ALERTS, WireCodec.encode(alert));
    }

    @Override
    public CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat) {
        return post(carer.endpoint(), Protocol.HEARTBEAT, WireCodec.encode(heartbeat));
    }

    private CompletionStage<Boolean> post(URI endpoint, String path, byte[] payload) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Request request = Request.newPost();
        request.setType(Type.CON);
        request.setURI(endpoint.resolve("/" + path));
        request.setPayload(payload);
        request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
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
        server.secureEndpoint().sendRequest(request);
        return result;
    }
}
