package org.hearth.gateway.coap.resources;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.hearth.gateway.coap.GatewayHandlers;
import org.hearth.gateway.domain.AckResult;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.Resolution;
import org.hearth.protocol.WireCodec;

/** {@code /alerts/{id}/resolve} (POST, DTLS only): a carer closes an alert, saying how it ended. */
final class ResolveResource extends CarerActResource<Resolution> {

    private final GatewayHandlers handlers;

    ResolveResource(String alertId, GatewayHandlers handlers) {
        super(Protocol.RESOLVE, alertId, "resolutions");
        this.handlers = handlers;
    }

    @Override
    Resolution decode(byte[] payload) throws ProtocolException {
        return WireCodec.decodeResolution(payload);
    }

    @Override
    UUID alertIn(Resolution resolution) {
        return resolution.alertId();
    }

    @Override
    CompletionStage<AckResult> apply(UUID id, String identity, Resolution resolution) {
        return handlers.resolve(id, identity, resolution.outcome(), resolution.note());
    }
}
