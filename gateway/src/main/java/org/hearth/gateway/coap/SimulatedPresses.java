package org.hearth.gateway.coap;

import java.io.IOException;
import java.net.URI;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * Presses sensors of a simulated home in a running daemon ({@code POST /local/sim/{sensor}} over
 * plain CoAP on loopback), many times, from one client endpoint. {@link LoopbackClient#press}
 * opens an endpoint per press, which is right for a person at a terminal; a benchmark pressing
 * for hours would make the daemon track a new peer for every press.
 */
public final class SimulatedPresses implements AutoCloseable {

    private final CoapEndpoint endpoint;
    private final CoapClient client;
    private final int port;
    private final LocalToken token;

    private SimulatedPresses(CoapEndpoint endpoint, int port, LocalToken token) {
        this.endpoint = endpoint;
        this.client = new CoapClient().setEndpoint(endpoint).setTimeout(10_000L);
        this.port = port;
        this.token = token;
    }

    public static SimulatedPresses open(int loopbackPort, LocalToken token) {
        return new SimulatedPresses(new CoapEndpoint.Builder().setConfiguration(org.hearth.transport.CoapSettings.configuration())
                .build(), loopbackPort, token);
    }

    /**
     * Presses and releases {@code sensorId}.
     *
     * @throws IOException when the daemon does not answer, has no such sensor, or is not simulated
     */
    public synchronized void press(String sensorId) throws IOException {
        URI uri = URI.create("coap://127.0.0.1:" + port + "/local/sim/" + sensorId);
        client.setURI(uri.toString());
        try {
            CoapResponse response = client.post(token.text(), MediaTypeRegistry.TEXT_PLAIN);
            if (response == null) {
                throw new IOException("Hearth is not answering on " + uri);
            }
            if (!response.isSuccess()) {
                throw new IOException("Hearth answered " + response.getCode() + " on " + uri);
            }
        } catch (ConnectorException e) {
            throw new IOException("cannot reach Hearth on " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        client.shutdown();
        endpoint.destroy();
    }
}
