package org.hearth.carer;

import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;

/** What a carer's device hears from the gateway. Called on Californium's thread; keep it short. */
public interface CarerListener {

    /** Hears nothing: for a one-shot command that only sends. */
    CarerListener NONE = new CarerListener() {
        @Override
        public void onAlert(Alert alert) {
        }

        @Override
        public void onHeartbeat(Heartbeat heartbeat) {
        }
    };

    /** A new alert: called once per alert id, however often the gateway retries. */
    void onAlert(Alert alert);

    void onHeartbeat(Heartbeat heartbeat);

    /**
     * The gateway's answer to the hello this device says when it starts: every alert still open,
     * including ones delivered before a restart that nobody has acknowledged yet.
     */
    default void onOpenAlerts(org.hearth.protocol.OpenAlerts open) {
    }
}
