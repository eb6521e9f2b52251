package org.hearth.voice.skill;

/** A knowledge pack that cannot be used; the message names the file and, where known, the line. */
public final class CouncilPackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CouncilPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
