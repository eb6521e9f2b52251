package org.hearth.sensors.ble;

import java.util.List;
import java.util.Optional;
import org.hearth.sensors.AccelSample;

/**
 * What one family of pendants offers over GATT and how its values read. Adding a device family is
 * one more implementation and one more name in {@link org.hearth.sensors.PendantSpec#PROFILES}.
 */
public interface PendantProfile {

    /** The name used in the config's {@code profile:}. */
    String name();

    /** The device in words, for status and logs. */
    String model();

    /** The service UUID (lower case) it advertises, by which a scan tells it from other devices nearby. */
    String advertisedService();

    /** How many accelerometer samples a second it is set up to send. */
    int sampleRateHz();

    /** The characteristic whose notifications carry accelerometer samples, if it streams them. */
    Optional<String> accelerometer();

    /** The characteristic whose notifications say the pendant's button was pressed or let go, if it has one. */
    Optional<String> button();

    /**
     * The samples in one notification of {@link #accelerometer()}, the first taken at
     * {@code firstMicros} and the rest {@code periodMicros} apart.
     */
    List<AccelSample> samples(byte[] value, long firstMicros, long periodMicros) throws MalformedValueException;

    /** True when a notification of {@link #button()} says pressed, false when let go. */
    boolean pressed(byte[] value) throws MalformedValueException;

    /** Sets the device up once connected, before notifications are asked for: its sample rate, for example. */
    void setUp(Gatt gatt) throws GattException;

    /** The profile of {@code name}, one of {@link org.hearth.sensors.PendantSpec#PROFILES}. */
    static PendantProfile named(String name) {
        return switch (name) {
            case Thingy52Profile.NAME -> new Thingy52Profile();
            default -> throw new IllegalArgumentException("no pendant profile is named " + name);
        };
    }

    /** The connected device's characteristics, by UUID, as a profile may use them while setting it up. */
    interface Gatt {
        byte[] read(String uuid) throws GattException;

        void write(String uuid, byte[] value) throws GattException;
    }
}
