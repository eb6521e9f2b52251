package org.hearth.gateway.coap;

import java.util.concurrent.CompletionStage;

/**
 * What tools on this machine may ask of the daemon, over plain CoAP on loopback only: never over
 * DTLS, never from another address. Both requests are harmless whoever sends them: one makes the
 * daemon match the secrets file only root can write, the other exists only in a simulated home.
 * The test alert tells carers only that it is a test, and asks nothing of them.
 */
public interface LocalControl {

    /**
     * Re-reads the secrets file; every carer whose key is gone or changed stops working at once.
     *
     * @return a summary in plain words, without key material
     */
    CompletionStage<String> reloadKeys();

    /** True only when the sensors are simulated (GPIO backend mock); then {@code /local/sim/{sensor}} exists. */
    boolean simulated();

    /**
     * Presses and releases a simulated sensor, as a person pulling a cord would.
     *
     * @return false when no such sensor exists
     */
    CompletionStage<Boolean> press(String sensorId);

    /**
     * Sends an installer's TEST alert to every carer at every level.
     *
     * @return the test alert's id
     */
    CompletionStage<java.util.UUID> testAlert();

    /** No local control: the resources answer 4.04. */
    LocalControl NONE = new LocalControl() {
        @Override
        public CompletionStage<String> reloadKeys() {
            return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("no key reload here"));
        }

        @Override
        public boolean simulated() {
            return false;
        }

        @Override
        public CompletionStage<Boolean> press(String sensorId) {
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletionStage<java.util.UUID> testAlert() {
            return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("no test alerts here"));
        }
    };
}
