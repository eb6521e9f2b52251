package org.hearth.protocol;

/** A payload that is not a valid v1 record. The message says what is wrong, in plain words. */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
