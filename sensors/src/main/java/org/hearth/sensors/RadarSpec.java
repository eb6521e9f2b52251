package org.hearth.sensors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured presence radar on a serial port: a Seeed MR24HPC1 (24 GHz) module.
 *
 * @param id         unique name, for example {@code radar-lounge}
 * @param room       the room it watches
 * @param device     the serial device, for example {@code /dev/serial0} (the Pi's header UART)
 * @param baud       the module's line speed; the MR24HPC1 ships at 115200
 * @param maxSilence the longest spell without a frame from the module before it counts as suspect.
 *                   The driver asks for a heartbeat every {@link #HEARTBEAT_EVERY}, so a module that
 *                   works always answers well within this
 */
public record RadarSpec(String id, String room, String device, int baud, Duration maxSilence) {

    /** How often the driver asks the module for a heartbeat. */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);
    /** The speeds a Pi's UART and the module both offer. */
    public static final List<Integer> BAUDS = List.of(9600, 19200, 38400, 57600, 115200, 230400);
    public static final int DEFAULT_BAUD = 115_200;
    public static final Duration DEFAULT_MAX_SILENCE = Duration.ofMinutes(2);

    public RadarSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(maxSilence, "maxSilence");
        String who = "radar " + id + ": ";
        if (!device.startsWith("/dev/")) {
            throw new IllegalArgumentException(who + "serial device \"" + device + "\" is not a device under /dev, "
                    + "for example /dev/serial0");
        }
        if (!BAUDS.contains(baud)) {
            throw new IllegalArgumentException(who + "baud " + baud + " is not one of " + BAUDS
                    + " (the MR24HPC1 ships at " + DEFAULT_BAUD + ")");
        }
        if (maxSilence.compareTo(HEARTBEAT_EVERY.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(who + "max silence must be at least " + HEARTBEAT_EVERY.multipliedBy(2).toSeconds()
                    + " s: two heartbeats");
        }
    }

    /** The module at 115200 baud, suspect after two minutes without a frame. */
    public static RadarSpec standard(String id, String room, String device) {
        return new RadarSpec(id, room, device, DEFAULT_BAUD, DEFAULT_MAX_SILENCE);
    }
}
