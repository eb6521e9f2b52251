package org.hearth.gateway.coap.resources;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.hearth.gateway.coap.GatewayHandlers;
import org.hearth.gateway.domain.AckResult;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;

/** {@code /alerts/{id}/ack} (POST, DTLS only): a carer takes charge of an alert. */
final class AckResource extends CarerActResource<Acknowledgement> {

    private final GatewayHandlers handlers;

    AckResource(String alertId, GatewayHandlers handlers) {
        super(Protocol.ACK, alertId, "acknowledgements");
        this.handlers = handlers;
    }

    @Override
    Acknowledgement decode(byte[] payload) throws ProtocolException {
        return WireCodec.decodeAck(payload);
    }

    @Override
    UUID alertIn(Acknowledgement ack) {
        return ack.alertId();
    }

    @Override
    CompletionStage<AckResult> apply(UUID id, String identity, Acknowledgement ack) {
        return handlers.acknowledge(id, identity, ack.note());
    }
}
