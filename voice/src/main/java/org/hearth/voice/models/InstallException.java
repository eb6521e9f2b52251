package org.hearth.voice.models;

/** An install that did not happen; the message says why in plain words. Nothing was changed. */
public final class InstallException extends Exception {

    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
