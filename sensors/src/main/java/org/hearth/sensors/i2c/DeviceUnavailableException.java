package org.hearth.sensors.i2c;

/** The device cannot be used at all: no bus, nobody answering, or the wrong chip. The message is the whole reason, for an installer. */
final class DeviceUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is at fault, for grouping alerts; null when it is the device itself. */
    private final String sharedCause;

    DeviceUnavailableException(String reason) {
        this(reason, null);
    }

    /** The whole bus is unusable: every device on it fails for {@code sharedCause} (see {@code HealthEvent.cause}). */
    DeviceUnavailableException(String reason, String sharedCause) {
        super(reason);
        this.sharedCause = sharedCause;
    }

    java.util.Optional<String> sharedCause() {
        return java.util.Optional.ofNullable(sharedCause);
    }
}
