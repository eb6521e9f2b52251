package org.hearth.sensors.sim;

/** What an emulated accelerometer feels: acceleration in g on each axis at a given time. */
@FunctionalInterface
public interface AccelMotion {

    /** Writes x, y and z in g at {@code epochMicros} into {@code xyz}. */
    void at(long epochMicros, double[] xyz);

    /** At rest and flat: 1 g on z, with a few milli-g of sensor noise that depends only on the time. */
    static AccelMotion still() {
        return (t, xyz) -> {
            long h = t * 0x9E3779B97F4A7C15L;
            xyz[0] = noise(h);
            xyz[1] = noise(h >>> 16);
            xyz[2] = 1.0 + noise(h >>> 32);
        };
    }

    /** A constant acceleration, without noise. */
    static AccelMotion constant(double x, double y, double z) {
        return (t, xyz) -> {
            xyz[0] = x;
            xyz[1] = y;
            xyz[2] = z;
        };
    }

    private static double noise(long bits) {
        // About +-8 mg, the ADXL345's noise at 200 Hz in full resolution.
        return ((bits & 0xFF) - 127.5) / 127.5 * 0.008;
    }
}
