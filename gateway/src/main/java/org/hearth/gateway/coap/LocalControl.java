package org.hearth.gateway.coap;

import java.util.concurrent.CompletionStage;

/**
 * What tools on this machine may ask of the daemon, over plain CoAP on loopback only: never over
 * DTLS, never from another address, and only with the daemon's {@link LocalToken}, which only
 * root and the daemon's user can read: any local process could otherwise send a TEST alert to
 * every carer.
 */
public interface LocalControl {

    /**
     * Re-reads the secrets file; every carer whose key is gone or changed stops working at once.
     *
     * @return a summary in plain words, without key material
     */
    CompletionStage<String> reloadKeys();

    /** The credential every request must carry as its payload. */
    LocalToken token();

    /**
     * False until the daemon has opened its sensors: until then {@code /local/sim/{sensor}}
     * answers 5.03 "starting" rather than 4.04, because the sensor does exist.
     */
    boolean sensorsStarted();

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

    /**
     * Puts the home in walk-test mode, or gives it its full time again: cords and buttons are
     * reported and call nobody unless held down.
     *
     * @return when the mode ends by itself
     */
    CompletionStage<java.time.Instant> startWalkTest();

    /**
     * Ends walk-test mode: cords and buttons call for help again.
     *
     * @return false when it was not on
     */
    CompletionStage<Boolean> finishWalkTest();

    /** What walk-test mode has heard since the test began (empty when none has run). */
    default CompletionStage<WalkTestReport> walkTestReport() {
        return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("no walk test here"));
    }

    /** No local control: nobody holds the token, and every action fails. */
    LocalControl NONE = new LocalControl() {
        private final LocalToken nobodys = LocalToken.random();

        @Override
        public LocalToken token() {
            return nobodys;
        }

        @Override
        public boolean sensorsStarted() {
            return false;
        }

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

        @Override
        public CompletionStage<java.time.Instant> startWalkTest() {
            return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("no walk test here"));
        }

        @Override
        public CompletionStage<Boolean> finishWalkTest() {
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
    };
}
