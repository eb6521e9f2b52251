package org.hearth.sensors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One worn fall pendant over Bluetooth Low Energy, reached through BlueZ.
 *
 * @param id             unique name, for example {@code pendant}
 * @param room           where it is listed in {@code hearth status}; it goes wherever the resident does
 * @param address        its Bluetooth address, {@code AA:BB:CC:DD:EE:FF}, as {@code bluetoothctl devices} shows it
 * @param profile        which device family it is, one of {@link #PROFILES}
 * @param adapter        the Pi's Bluetooth adapter, {@code hci0}
 * @param maxSilence     the longest spell without a notification while connected before it counts as suspect
 * @param reconnectEvery how often a pendant that went out of range is called again
 * @param batteryLowPercent at or below this charge the pendant is SUSPECT ("battery low")
 * @param notWornAfter   daytime hours without any movement, while the home is active, before it is SUSPECT
 *                       ("not worn"); see {@code health.NotWornWatch}
 */
public record PendantSpec(String id, String room, String address, String profile, String adapter, Duration maxSilence,
                          Duration reconnectEvery, int batteryLowPercent, Duration notWornAfter) {

    /** The device families Hearth can read; see docs/sensors.md. */
    public static final List<String> PROFILES = List.of("thingy52");
    public static final String DEFAULT_ADAPTER = "hci0";
    /** A streaming pendant sends 50 notifications a second; a minute of none is a fault. */
    public static final Duration DEFAULT_MAX_SILENCE = Duration.ofMinutes(1);
    public static final Duration DEFAULT_RECONNECT_EVERY = Duration.ofSeconds(10);
    public static final int DEFAULT_BATTERY_LOW_PERCENT = 20;
    /** Long enough for an afternoon nap in the armchair, short enough to catch a pendant left on the table all morning. */
    public static final Duration DEFAULT_NOT_WORN_AFTER = Duration.ofHours(3);
    public static final Duration MIN_NOT_WORN_AFTER = Duration.ofMinutes(30);
    public static final Duration MAX_NOT_WORN_AFTER = Duration.ofHours(24);
    private static final Pattern ADDRESS = Pattern.compile("([0-9A-F]{2}:){5}[0-9A-F]{2}");
    private static final Pattern ADAPTER = Pattern.compile("hci[0-9]{1,2}");

    public PendantSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(maxSilence, "maxSilence");
        Objects.requireNonNull(reconnectEvery, "reconnectEvery");
        Objects.requireNonNull(notWornAfter, "notWornAfter");
        String who = "pendant " + id + ": ";
        address = address.toUpperCase(java.util.Locale.ROOT);
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException(who + "address \"" + address + "\" is not a Bluetooth address like AA:BB:CC:DD:EE:FF");
        }
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException(who + "profile \"" + profile + "\" is not one of " + PROFILES);
        }
        if (!ADAPTER.matcher(adapter).matches()) {
            throw new IllegalArgumentException(who + "adapter \"" + adapter + "\" is not a Bluetooth adapter like hci0");
        }
        if (maxSilence.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException(who + "max silence must be at least 10 s");
        }
        if (reconnectEvery.isNegative() || reconnectEvery.isZero()) {
            throw new IllegalArgumentException(who + "reconnect interval must be positive");
        }
        if (batteryLowPercent < 1 || batteryLowPercent > 90) {
            throw new IllegalArgumentException(who + "battery low must be between 1 and 90 %, not " + batteryLowPercent);
        }
        if (notWornAfter.compareTo(MIN_NOT_WORN_AFTER) < 0 || notWornAfter.compareTo(MAX_NOT_WORN_AFTER) > 0) {
            throw new IllegalArgumentException(who + "not worn after must be between 30 min and 24 h");
        }
    }

    /** A pendant with the default {@link #DEFAULT_NOT_WORN_AFTER}. */
    public PendantSpec(String id, String room, String address, String profile, String adapter, Duration maxSilence,
                       Duration reconnectEvery, int batteryLowPercent) {
        this(id, room, address, profile, adapter, maxSilence, reconnectEvery, batteryLowPercent, DEFAULT_NOT_WORN_AFTER);
    }

    /** A Thingy:52 on hci0 with the default supervision. */
    public static PendantSpec thingy52(String id, String room, String address) {
        return new PendantSpec(id, room, address, "thingy52", DEFAULT_ADAPTER, DEFAULT_MAX_SILENCE, DEFAULT_RECONNECT_EVERY,
                DEFAULT_BATTERY_LOW_PERCENT, DEFAULT_NOT_WORN_AFTER);
    }

    /** BlueZ's object path of this pendant, {@code /org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF}. */
    public String devicePath() {
        return "/org/bluez/" + adapter + "/dev_" + address.replace(':', '_');
    }
}
