package org.hearth.sensors.ble;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.hearth.sensors.AccelSample;

/**
 * Nordic Semiconductor's Thingy:52 running Nordic's own firmware (v2.x), read through its
 * documented Motion and User interface services (docs/sensors.md cites the documents).
 *
 * <ul>
 *   <li>Raw data, {@code EF680406}: 18 bytes, little-endian int16: accelerometer x, y, z in g as
 *       6Q10 fixed point (1024 per g), then the gyroscope and the compass, which Hearth ignores.</li>
 *   <li>Motion configuration, {@code EF680401}: 9 bytes, little-endian: pedometer interval (ms),
 *       temperature compensation interval (ms), compass compensation interval (ms), motion
 *       processing frequency (Hz, 5–200), wake on motion (0/1). Hearth sets the frequency to 50 Hz.</li>
 *   <li>Button, {@code EF680302}: one byte, 1 pressed, 0 released.</li>
 * </ul>
 * The battery is the standard Battery Service, which BlueZ shows as {@code org.bluez.Battery1}.
 */
public final class Thingy52Profile implements PendantProfile {

    static final String NAME = "thingy52";
    static final String RAW_DATA = uuid("0406");
    static final String MOTION_CONFIG = uuid("0401");
    static final String BUTTON = uuid("0302");
    static final String MOTION_SERVICE = uuid("0400");
    static final String USER_INTERFACE_SERVICE = uuid("0300");
    /** The Thingy configuration service, which Nordic's firmware puts in its advertising packet. */
    static final String CONFIGURATION_SERVICE = uuid("0100");
    static final int RATE_HZ = 50;
    static final int RAW_LENGTH = 18;
    static final int CONFIG_LENGTH = 9;
    private static final int FREQUENCY_OFFSET = 6;
    private static final double COUNTS_PER_G = 1024;

    /** Thingy:52 UUIDs are {@code EF68xxxx-9B35-4933-9B10-52FFA9740042}; BlueZ writes them in lower case. */
    static String uuid(String shortId) {
        return "ef68" + shortId + "-9b35-4933-9b10-52ffa9740042";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return "Nordic Thingy:52";
    }

    @Override
    public String advertisedService() {
        return CONFIGURATION_SERVICE;
    }

    @Override
    public int sampleRateHz() {
        return RATE_HZ;
    }

    @Override
    public Optional<String> accelerometer() {
        return Optional.of(RAW_DATA);
    }

    @Override
    public Optional<String> button() {
        return Optional.of(BUTTON);
    }

    @Override
    public List<AccelSample> samples(byte[] value, long firstMicros, long periodMicros) throws MalformedValueException {
        if (value.length != RAW_LENGTH) {
            throw new MalformedValueException("a Thingy:52 raw data notification has " + RAW_LENGTH + " bytes, this one "
                    + value.length);
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        return List.of(new AccelSample(firstMicros, b.getShort(0) / COUNTS_PER_G, b.getShort(2) / COUNTS_PER_G,
                b.getShort(4) / COUNTS_PER_G));
    }

    @Override
    public boolean pressed(byte[] value) throws MalformedValueException {
        if (value.length != 1 || (value[0] != 0 && value[0] != 1)) {
            throw new MalformedValueException("a Thingy:52 button notification is one byte, 0 or 1; this one is "
                    + Hex.of(value));
        }
        return value[0] == 1;
    }

    @Override
    public void setUp(Gatt gatt) throws GattException {
        byte[] config = gatt.read(MOTION_CONFIG);
        if (config.length != CONFIG_LENGTH) {
            throw new GattException("the motion configuration has " + config.length + " bytes, not " + CONFIG_LENGTH
                    + "; is this Thingy:52 running Nordic's firmware?");
        }
        ByteBuffer b = ByteBuffer.wrap(config).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getShort(FREQUENCY_OFFSET) != RATE_HZ) {
            b.putShort(FREQUENCY_OFFSET, (short) RATE_HZ);
            gatt.write(MOTION_CONFIG, b.array());
        }
    }

    /** A raw data value with this acceleration in g (the gyroscope and compass zero), as the device would send it. */
    public static byte[] rawData(double x, double y, double z) {
        ByteBuffer b = ByteBuffer.allocate(RAW_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, counts(x)).putShort(2, counts(y)).putShort(4, counts(z));
        return b.array();
    }

    private static short counts(double g) {
        long c = Math.round(g * COUNTS_PER_G);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, c));
    }
}
