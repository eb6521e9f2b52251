package org.hearth.gateway.domain;

/** Where detectors send what they find. The alert state machine implements it; evaluations record it. */
public interface AlertSink {

    void raise(AlertRequest request);

    /**
     * The resident says they are all right (the cancel button, or "I'm fine").
     *
     * @param how in plain words, for the audit log, for example "cancel button"
     * @return true when an open pre-alarm was cancelled
     */
    boolean cancelPreAlarm(String how);
}
