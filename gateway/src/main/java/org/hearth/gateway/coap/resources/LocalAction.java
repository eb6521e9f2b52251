package org.hearth.gateway.coap.resources;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * A POST only this machine may make ({@code /local/keys}: re-read the secrets file so a revoked
 * key stops working now; {@code /local/test-alert}: an installer's TEST alert, answered with its
 * id; the walk test's start and end). It is answered when the daemon has done it.
 */
final class LocalAction extends CoapResource {

    private final LocalGate gate;
    private final ResponseCode done;
    private final String failed;
    private final Supplier<CompletionStage<?>> action;

    LocalAction(String name, LocalGate gate, ResponseCode done, String failed, Supplier<CompletionStage<?>> action) {
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

    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t instanceof CompletionException) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
