package org.hearth.gateway.coap;

import java.io.IOException;
import java.net.URI;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.hearth.protocol.GatewayStatus;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;

/**
 * How local commands ({@code hearth status}) ask the running daemon, over plain CoAP on loopback.
 * Reading needs nothing; acting needs the daemon's {@link LocalToken}.
 */
public final class LoopbackClient {

    private LoopbackClient() {
    }

    /**
     * Reads {@code /status} from the daemon on this machine.
     *
     * @throws IOException when the daemon does not answer, in words for a person
     */
    public static GatewayStatus status(int port) throws IOException {
        URI uri = URI.create("coap://127.0.0.1:" + port + "/status");
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(org.hearth.transport.CoapSettings.configuration()).build();
        CoapClient client = new CoapClient(uri).setEndpoint(endpoint).setTimeout(5000L);
        try {
            CoapResponse response = client.get();
            if (response == null) {
                throw new IOException("Hearth is not running, or not answering, on " + uri);
            }
            if (!response.isSuccess()) {
                throw new IOException("Hearth answered " + response.getCode() + " on " + uri);
            }
            return WireCodec.decodeStatus(response.getPayload());
        } catch (ConnectorException | ProtocolException e) {
            throw new IOException("Hearth's answer on " + uri + " was not understood: " + e.getMessage(), e);
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }

    /** True when a daemon answers {@code /status} on this machine's loopback {@code port}. */
    public static boolean answers(int port) {
        try {
            status(port);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the daemon to re-read its secrets file, so a revoked key stops working at once.
     *
     * @return the daemon's summary, in plain words
     * @throws IOException when the daemon does not answer or refuses, in words for a person
     */
    public static String reloadKeys(int port, LocalToken token) throws IOException {
        return post(port, token, "local/keys");
    }

    /**
     * Presses a sensor of a simulated home (GPIO backend mock) in the running daemon.
     *
     * @throws IOException when the daemon does not answer, has no such sensor, or is not simulated
     */
    public static void press(int port, LocalToken token, String sensorId) throws IOException {
        post(port, token, "local/sim/" + sensorId);
    }

    /**
     * Asks the daemon to send a TEST alert to every carer.
     *
     * @return the test alert's id, to follow in the store
     * @throws IOException when the daemon does not answer or refuses
     */
    public static java.util.UUID testAlert(int port, LocalToken token) throws IOException {
        String id = post(port, token, "local/test-alert");
        try {
            return java.util.UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("Hearth's answer to the test alert was not an alert id: " + id, e);
        }
    }

    /**
     * Puts the running daemon in walk-test mode: cords and buttons call nobody unless held down.
     *
     * @return when the mode ends by itself
     * @throws IOException when the daemon does not answer or refuses
     */
    public static java.time.Instant startWalkTest(int port, LocalToken token) throws IOException {
        String until = post(port, token, "local/walk-test/start");
        try {
            return java.time.Instant.parse(until.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("Hearth's answer to the walk test was not a time: " + until, e);
        }
    }

    /** Ends walk-test mode in the running daemon: cords and buttons call for help again. */
    public static void finishWalkTest(int port, LocalToken token) throws IOException {
        post(port, token, "local/walk-test/end");
    }

    /**
     * What the running daemon's walk-test mode has heard: each press and each movement, typed.
     *
     * @throws IOException when the daemon does not answer, refuses, or answers what is not a report
     */
    public static WalkTestReport walkTestReport(int port, LocalToken token) throws IOException {
        return WalkTestReport.parse(post(port, token, "local/walk-test/report"));
    }

    /** A POST to local control, with the token as its payload. */
    private static String post(int port, LocalToken token, String path) throws IOException {
        URI uri = URI.create("coap://127.0.0.1:" + port + "/" + path);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(org.hearth.transport.CoapSettings.configuration()).build();
        CoapClient client = new CoapClient(uri).setEndpoint(endpoint).setTimeout(10_000L);
        try {
            CoapResponse response = client.post(token.text(), org.eclipse.californium.core.coap.MediaTypeRegistry.TEXT_PLAIN);
            if (response == null) {
                throw new IOException("Hearth is not running, or not answering, on " + uri);
            }
            if (!response.isSuccess()) {
                throw new IOException("Hearth answered " + response.getCode() + " on " + uri
                        + (response.getResponseText().isEmpty() ? "" : ": " + response.getResponseText()));
            }
            return response.getResponseText();
        } catch (ConnectorException e) {
            throw new IOException("cannot reach Hearth on " + uri + ": " + e.getMessage(), e);
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }
}
