package org.hearth.sensors.replay;

import java.io.IOException;

/** The file is not a SisFall trial at all: wrong name, or no line in SisFall's format. */
public final class NotSisFallException extends IOException {

    private static final long serialVersionUID = 1L;

    public NotSisFallException(String message) {
        super(message);
    }
}
