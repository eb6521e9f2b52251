package org.hearth.gateway.coap.resources;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.hearth.gateway.coap.LocalControl;

/**
 * {@code /local}: what tools on this machine may ask of the daemon. Every request must come in on
 * the plain loopback endpoint from a loopback address (else 4.03) and carry the daemon's
 * {@link org.hearth.gateway.coap.LocalToken} as its payload (else 4.01); nothing is done for a
 * request that does not ({@link LocalGate}).
 */
public final class LocalResources {

    private LocalResources() {
    }

    /**
     * {@code /local/keys}, {@code /local/test-alert}, {@code /local/walk-test/start} (answered with
     * the instant the mode ends by itself), {@code /local/walk-test/end}, {@code /local/walk-test/report}
     * (what the mode heard, {@link org.hearth.gateway.coap.WalkTestReport} as JSON) and, in a simulated home
     * only, {@code /local/sim/{sensor}}.
     */
    public static CoapResource create(CoapEndpoint plain, LocalControl local) {
        LocalGate gate = new LocalGate(plain, local.token());
        CoapResource root = new CoapResource("local", false);
        root.add(new LocalAction("keys", gate, ResponseCode.CHANGED, "keys not reloaded", local::reloadKeys));
        root.add(new LocalAction("test-alert", gate, ResponseCode.CREATED, "no test alert sent", local::testAlert));
        CoapResource walkTest = new CoapResource("walk-test", false);
        walkTest.add(new LocalAction("start", gate, ResponseCode.CHANGED, "walk test mode not started", local::startWalkTest));
        walkTest.add(new LocalAction("end", gate, ResponseCode.CHANGED, "walk test mode not ended", local::finishWalkTest));
        walkTest.add(new LocalAction("report", gate, ResponseCode.CONTENT, "no walk test report",
                () -> local.walkTestReport().thenApply(org.hearth.gateway.coap.WalkTestReport::json)));
        root.add(walkTest);
        if (local.simulated()) {
            root.add(new SimResource(gate, local));
        }
        return root;
    }
}
