package org.hearth.sensors;

/**
 * One accelerometer reading in g. At rest and upright, |a| is about 1 g.
 *
 * @param epochMicros when it was sampled, in microseconds since the epoch
 * @param x          acceleration along the device's x axis, in g
 * @param y          along y, in g
 * @param z          along z, in g
 */
public record AccelSample(long epochMicros, double x, double y, double z) {

    /** The magnitude |a| in g. */
    public double magnitude() {
        return Math.sqrt(x * x + y * y + z * z);
    }
}
