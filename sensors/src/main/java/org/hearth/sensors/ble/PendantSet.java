package org.hearth.sensors.ble;

import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorListener;

/**
 * The home's pendants, read over BlueZ ({@link Pendants}) or emulated ({@link EmulatedPendants});
 * {@link org.hearth.sensors.platform.SensorPlatform#pendants} chooses.
 */
public interface PendantSet extends AutoCloseable {

    /** Starts reading a pendant; its samples go to {@code listener.onAccel}, its button to {@code onEvent}. */
    void add(PendantSpec spec, SensorListener listener);

    /** Stops every pendant; never throws. */
    @Override
    void close();
}
