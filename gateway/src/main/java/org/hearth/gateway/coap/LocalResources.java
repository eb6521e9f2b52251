package org.hearth.gateway.coap;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code /local}: what tools on this machine may ask of the daemon. Every request must come in on
 * the plain loopback endpoint from a loopback address (else 4.03) and carry the daemon's
 * {@link LocalToken} as its payload (else 4.01); nothing is done for a request that does not.
 */
final class LocalResources {

    private LocalResources() {
    }

    /**
     * {@code /local/keys}, {@code /local/test-alert}, {@code /local/walk-test/start} (answered with
     * the instant the mode ends by itself), {@code /local/walk-test/end} and, in a simulated home
     * only, {@code /local/sim/{sensor}}.
     */
    static CoapResource create(CoapEndpoint plain, LocalControl local) {
        Gate gate = new Gate(plain, local.token());
        CoapResource root = new CoapResource("local", false);
        root.add(new LocalAction("keys", gate, ResponseCode.CHANGED, "keys not reloaded", local::reloadKeys));
        root.add(new LocalAction("test-alert", gate, ResponseCode.CREATED, "no test alert sent", local::testAlert));
        CoapResource walkTest = new CoapResource("walk-test", false);
        walkTest.add(new LocalAction("start", gate, ResponseCode.CHANGED, "walk test mode not started", local::startWalkTest));
        walkTest.add(new LocalAction("end", gate, ResponseCode.CHANGED, "walk test mode not ended", local::finishWalkTest));
        root.add(walkTest);
        if (local.simulated()) {
            root.add(new SimResource(gate, local));
        }
        return root;
    }

    /** Lets through only requests from this machine that carry the token; answers the others. */
    record Gate(CoapEndpoint plain, LocalToken token) {

        /** True when the request may act; otherwise it has been answered, with a plain message. */
        boolean admits(CoapExchange exchange) {
            if (!fromLoopbackPlain(exchange, plain)) {
                exchange.respond(ResponseCode.FORBIDDEN, "local control is for this machine only");
                return false;
            }
            if (!token.matches(exchange.getRequestPayload())) {
                exchange.respond(ResponseCode.UNAUTHORIZED,
                        "local control needs Hearth's token (" + LocalToken.FILE_NAME + " in the data directory): run as root or as the hearth user");
                return false;
            }
            return true;
        }
    }

    /**
     * True only for a request that came in on the plain endpoint from a loopback address: local
     * control is never offered over DTLS, whoever the carer, nor to any other machine.
     */
    static boolean fromLoopbackPlain(CoapExchange exchange, CoapEndpoint plain) {
        return exchange.advanced().getEndpoint() == plain && CoapGatewayServer.pskIdentity(exchange) == null
                && exchange.getSourceAddress().isLoopbackAddress();
    }

    /**
     * A POST only this machine may make ({@code /local/keys}: re-read the secrets file so a revoked
     * key stops working now; {@code /local/test-alert}: an installer's TEST alert, answered with its
     * id). It is answered when the daemon has done it.
     */
    private static final class LocalAction extends CoapResource {
        private final Gate gate;
        private final ResponseCode done;
        private final String failed;
        private final Supplier<CompletionStage<?>> action;

        LocalAction(String name, Gate gate, ResponseCode done, String failed, Supplier<CompletionStage<?>> action) {
            super(name, false);
            this.gate = gate;
            this.done = done;
            this.failed = failed;
            this.action = action;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            if (!gate.admits(exchange)) {
                return;
            }
            exchange.accept();
            action.get().whenComplete((answer, error) -> {
                if (error != null) {
                    exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, failed + ": " + rootMessage(error));
                } else {
                    exchange.respond(done, answer.toString());
                }
            });
        }
    }

    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t instanceof CompletionException) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }

    /**
     * POST {@code /local/sim/{sensor}}: press a simulated sensor. Exists only in a simulated home;
     * answers 5.03 "starting" until the daemon has opened its sensors.
     */
    private static final class SimResource extends CoapResource {
        private final Gate gate;
        private final LocalControl local;

        SimResource(Gate gate, LocalControl local) {
            super("sim", false);
            this.gate = gate;
            this.local = local;
        }

        @Override
        public Resource getChild(String name) {
            CoapResource sensor = new CoapResource(name, false) {
                @Override
                public void handlePOST(CoapExchange exchange) {
                    if (!gate.admits(exchange)) {
                        return;
                    }
                    if (!local.sensorsStarted()) {
                        exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "starting");
                        return;
                    }
                    local.press(name).whenComplete((found, error) -> exchange.respond(
                            error == null && Boolean.TRUE.equals(found) ? ResponseCode.CHANGED : ResponseCode.NOT_FOUND));
                }
            };
            sensor.setParent(this);
            return sensor;
        }
    }
}
