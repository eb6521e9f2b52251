package org.hearth.gateway.coap;

import java.net.InetAddress;
import java.util.concurrent.CompletionStage;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.elements.config.Configuration;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.Carer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.WireCodec;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.KeyRing;
import org.hearth.transport.Sender;
import org.hearth.transport.Sessions;

/**
 * Sends alerts and heartbeats to carers as confirmable CoAP POSTs over its own outgoing DTLS
 * endpoint ({@link CarerLink}). Californium retransmits below, {@link Sender} re-sends with a
 * fresh handshake when a device restarts, and the outbox retries above when this reports failure.
 */
public final class CoapAlertChannel implements AlertChannel, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoapAlertChannel.class);

    private final CarerLink link;

    private CoapAlertChannel(CarerLink link) {
        this.link = link;
    }

    /**
     * Opens the outgoing endpoint on {@code bind} (any free port) with the carers' keys.
     *
     * @param sessions the {@link Sessions} of the gateway's server too: a device that restarted
     *                 says hello there, and what is in flight to it is sent again from here
     */
    public static CoapAlertChannel open(InetAddress bind, KeyRing carers, Sessions sessions) {
        return open(CoapSettings.configuration(), bind, carers, sessions);
    }

    /** With a given Californium configuration: tests shorten the retransmission timers. */
    static CoapAlertChannel open(Configuration config, InetAddress bind, KeyRing carers, Sessions sessions) {
        return new CoapAlertChannel(CarerLink.open(config, bind, carers, sessions));
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
        return link.sender().send(Code.POST, carer.endpoint().resolve("/" + path), carer.identity(), payload,
                        MediaTypeRegistry.APPLICATION_JSON)
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

    /** Closes the outgoing endpoint: nothing more reaches carers directly. */
    @Override
    public void close() {
        link.close();
    }
}
