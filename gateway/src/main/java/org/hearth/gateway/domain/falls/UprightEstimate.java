package org.hearth.gateway.domain.falls;

/**
 * Which way is up for the wearer, in the sensor's own axes, learnt from walking. A sensor may be
 * clipped on at any angle, so "was the person upright?" cannot be read off one axis; but while a
 * person walks the trunk is upright, and gravity's mean direction over a few seconds of walking is
 * the wearer's upright, tilt of the clip included.
 *
 * <p>Walking is recognised from quarter-second blocks alone: for three seconds, |a| keeps moving
 * within nearly every block (steps, at any cadence from a shuffle to a jog), its mean stays near
 * 1 g, and the direction of gravity in every block stays within {@link #MAX_DEVIATION_DEG} of the
 * three seconds' mean. Lying, rolling over in bed, sitting down or bending fail the last test:
 * they turn the trunk. Checked on SisFall: only walking, stairs and jogging trials pass.
 * Fixed arrays, no allocation.
 */
final class UprightEstimate {

    /** Three seconds of quarter-second blocks: five or six steps. */
    static final int WALK_BLOCKS = 12;
    /** Blocks of the three seconds that must show movement: all but one (a pause in a step). */
    static final int MIN_MOVING_BLOCKS = 11;
    /** 0.05 g of standard deviation of |a| within a block: a step; lying or standing still shows under 0.02 g. */
    static final double MOVING_MIN_SD_G = 0.05;
    /** Every block's gravity within 20° of the mean: the trunk sways less than that in a step. */
    static final double MAX_DEVIATION_DEG = 20;
    /** Mean |a| over the three seconds: about 1 g, whatever the sensor's calibration. */
    static final double MIN_LEVEL_G = 0.85;
    static final double MAX_LEVEL_G = 1.25;
    /** Each walking block moves the estimate a fifth of the way: a few steps re-learn a clip turned on the belt. */
    static final double SMOOTHING = 0.2;

    private static final double COS_MAX_DEVIATION = Math.cos(Math.toRadians(MAX_DEVIATION_DEG));

    private final double[] window = new double[6];
    private boolean known;
    private double ux;
    private double uy;
    private double uz;

    boolean known() {
        return known;
    }

    /** Cosine of the angle between {@code (x, y, z)} (any length) and upright; 1 when upright is unknown or the vector is zero. */
    double cosTo(double x, double y, double z) {
        if (!known) {
            return 1;
        }
        double norm = Math.sqrt(x * x + y * y + z * z);
        return norm == 0 ? 1 : (ux * x + uy * y + uz * z) / norm;
    }

    void forget() {
        known = false;
    }

    /** Called as each block closes: if the last three seconds were walking, learn from them. */
    void update(BlockHistory blocks) {
        if (blocks.size() < WALK_BLOCKS) {
            return;
        }
        blocks.sum(WALK_BLOCKS - 1, WALK_BLOCKS, window);
        double n = window[5];
        if (n == 0 || window[3] / n < MIN_LEVEL_G || window[3] / n > MAX_LEVEL_G) {
            return;
        }
        double mx = window[0];
        double my = window[1];
        double mz = window[2];
        double norm = Math.sqrt(mx * mx + my * my + mz * mz);
        if (norm == 0) {
            return;
        }
        int moving = 0;
        for (int back = 0; back < WALK_BLOCKS; back++) {
            blocks.sum(back, 1, window);
            double c = window[5];
            double bn = Math.sqrt(window[0] * window[0] + window[1] * window[1] + window[2] * window[2]);
            if (c < 2 || bn == 0 || (window[0] * mx + window[1] * my + window[2] * mz) / (bn * norm) < COS_MAX_DEVIATION) {
                return;
            }
            double mean = window[3] / c;
            if (window[4] / c - mean * mean >= MOVING_MIN_SD_G * MOVING_MIN_SD_G) {
                moving++;
            }
        }
        if (moving < MIN_MOVING_BLOCKS) {
            return;
        }
        learn(mx / norm, my / norm, mz / norm);
    }

    private void learn(double x, double y, double z) {
        if (!known) {
            ux = x;
            uy = y;
            uz = z;
            known = true;
            return;
        }
        double nx = ux + SMOOTHING * (x - ux);
        double ny = uy + SMOOTHING * (y - uy);
        double nz = uz + SMOOTHING * (z - uz);
        double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (norm > 0) {
            ux = nx / norm;
            uy = ny / norm;
            uz = nz / norm;
        }
    }
}
