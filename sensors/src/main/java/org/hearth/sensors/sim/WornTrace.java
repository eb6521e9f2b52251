package org.hearth.sensors.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.hearth.sensors.AccelSample;

/**
 * Builds a synthetic waist-worn accelerometer trace, segment by segment, at a chosen rate:
 * gravity along a direction that can turn, plus movement along it, plus seeded sensor noise.
 * Each segment reads like the scenario it stands for: {@code still}, {@code walk}, {@code fallFreely},
 * {@code impact}, {@code turn}. Deterministic: the same seed and segments give the same samples.
 * The gateway's fall detector tests read it, and an emulated pendant plays it
 * ({@link org.hearth.sensors.ble.EmulatedPendant}).
 */
public final class WornTrace {

    /** Upright, a waist-worn sensor's y axis points down: it reads (0, -1, 0) g. */
    public static final double[] UPRIGHT = {0, -1, 0};
    /** Lying on the back: the z axis (out of the belly) points up. */
    public static final double[] ON_BACK = {0, 0, 1};
    /** Lying on the front. */
    public static final double[] ON_FRONT = {0, 0, -1};
    /** Sitting back in a chair: the trunk leans 20° back from upright. */
    public static final double[] SITTING_BACK = {0, -Math.cos(Math.toRadians(20)), Math.sin(Math.toRadians(20))};
    /** On the left side. */
    public static final double[] ON_SIDE = {1, 0, 0};

    private final double rateHz;
    private final long periodMicros;
    private final Random noise;
    private final double noiseG;
    private final List<AccelSample> samples = new ArrayList<>();
    private final double[] rotation;
    private long t;
    private double[] gravity;
    /** Reading of gravity in the current posture, in g (1 for a perfect sensor). */
    private double gain = 1.0;

    private WornTrace(double rateHz, long seed, double noiseG, double[] rotation) {
        this.rateHz = rateHz;
        this.periodMicros = Math.round(1e6 / rateHz);
        this.noise = new Random(seed);
        this.noiseG = noiseG;
        this.rotation = rotation;
        this.t = 1_767_600_000_000_000L; // 2026-01-05T08:00:00Z
        this.gravity = UPRIGHT.clone();
    }

    /** A trace at {@code rateHz} with 0.005 g of sensor noise, the sensor worn square on the body. */
    public static WornTrace at(double rateHz, long seed) {
        return new WornTrace(rateHz, seed, 0.005, null);
    }

    /**
     * The same, with the sensor clipped on at an arbitrary angle: every reading is turned by
     * {@code rotation} (a row-major 3×3 rotation matrix).
     */
    public static WornTrace tilted(double rateHz, long seed, double[] rotation) {
        return new WornTrace(rateHz, seed, 0.005, rotation);
    }

    public long nowMicros() {
        return t;
    }

    /** Starts the trace at a given time, in µs since the epoch. */
    public WornTrace startingAt(long epochMicros) {
        t = epochMicros;
        return this;
    }

    /** From now on the sensor reads gravity as {@code gain} g (a miscalibrated axis). */
    public WornTrace readingGravityAs(double newGain) {
        gain = newGain;
        return this;
    }

    /** Holds still in {@code posture} for {@code seconds}. */
    public WornTrace still(double[] posture, double seconds) {
        gravity = unit(posture);
        return repeat(seconds, s -> 0.0);
    }

    /** Holds still in the posture it is in for {@code seconds}. */
    public WornTrace hold(double seconds) {
        return repeat(seconds, s -> 0.0);
    }

    /** Walks: |a| swings ±{@code swingG} around 1 g at two steps a second. */
    public WornTrace walk(double seconds, double swingG) {
        return repeat(seconds, s -> swingG * Math.sin(2 * Math.PI * 2.0 * s));
    }

    /** Drops with only {@code remainingG} of support, as in the first part of a fall. */
    public WornTrace fallFreely(double seconds, double remainingG) {
        return repeat(seconds, s -> remainingG - 1.0);
    }

    /** A deceleration hump: |a| rises to {@code peakG} and back, as a half sine lasting {@code seconds}. */
    public WornTrace impact(double peakG, double seconds) {
        return repeat(seconds, s -> (peakG - 1.0) * Math.sin(Math.PI * s / seconds));
    }

    /** A single-sample knock on the sensor. */
    public WornTrace knock(double peakG) {
        return repeat(1.0 / rateHz, s -> peakG - 1.0);
    }

    /** Turns smoothly from the current posture to {@code posture} over {@code seconds}, with no other movement. */
    public WornTrace turn(double[] posture, double seconds) {
        double[] from = gravity;
        double[] to = unit(posture);
        int n = (int) Math.round(seconds * rateHz);
        for (int i = 0; i < n; i++) {
            double f = (i + 1.0) / n;
            gravity = unit(new double[] {from[0] + f * (to[0] - from[0]), from[1] + f * (to[1] - from[1]), from[2] + f * (to[2] - from[2])});
            emit(0);
        }
        gravity = to;
        return this;
    }

    /** Standing, then walking, then a fall onto the back with a 3 g impact, then lying still for 6 s. */
    public WornTrace fallFromWalking() {
        return still(UPRIGHT, 3).walk(3, 0.3).fallOntoTheBack();
    }

    /** Near free fall, a turn onto the back, a 3 g impact, then lying still for 6 s. */
    public WornTrace fallOntoTheBack() {
        return fallFreely(0.4, 0.3).turn(ON_BACK, 0.1).impact(3.0, 0.15).still(ON_BACK, 6);
    }

    /**
     * Standing still, then a fall onto the back, then lying still: the shape the gateway's fall
     * detector looks for, with room on each of its thresholds. 3 s upright give it the posture
     * before (it looks 6 to 0.5 s before the impact); 0.4 s of near free fall (0.3 g) and a 3 g
     * half-sine impact over 0.15 s take about 1.9 m/s out of the body (it asks for 1.0 m/s, and
     * starts measuring at 1.5 g); lying on the back is 90 degrees from upright (it asks for 60)
     * and, for 6 s, well within its stillness (0.05 g standard deviation) from 1 to 4 s after.
     */
    public WornTrace fallFromStanding() {
        return still(UPRIGHT, 3).fallOntoTheBack();
    }

    /** Standing, walking, then sitting down hard into a chair (2.8 g), leaning back 20°, sitting still. */
    public WornTrace sitDownHard() {
        return still(UPRIGHT, 3).walk(2, 0.3).fallFreely(0.3, 0.5).turn(SITTING_BACK, 0.1).impact(2.8, 0.15).still(SITTING_BACK, 8);
    }

    public List<AccelSample> samples() {
        return List.copyOf(samples);
    }

    /** The samples made since the last take, and forgets them: a long-running trace does not grow. */
    public List<AccelSample> takeSamples() {
        List<AccelSample> taken = List.copyOf(samples);
        samples.clear();
        return taken;
    }

    private WornTrace repeat(double seconds, DoubleUnaryOperator extraAlongGravity) {
        int n = (int) Math.round(seconds * rateHz);
        for (int i = 0; i < n; i++) {
            emit(extraAlongGravity.applyAsDouble(i / rateHz));
        }
        return this;
    }

    /** One sample: gravity (scaled by the sensor's gain) plus {@code extra} g along it, plus noise. */
    private void emit(double extra) {
        double k = gain + extra;
        double x = gravity[0] * k + noise.nextGaussian() * noiseG;
        double y = gravity[1] * k + noise.nextGaussian() * noiseG;
        double z = gravity[2] * k + noise.nextGaussian() * noiseG;
        if (rotation != null) {
            double rx = rotation[0] * x + rotation[1] * y + rotation[2] * z;
            double ry = rotation[3] * x + rotation[4] * y + rotation[5] * z;
            double rz = rotation[6] * x + rotation[7] * y + rotation[8] * z;
            x = rx;
            y = ry;
            z = rz;
        }
        samples.add(new AccelSample(t, x, y, z));
        t += periodMicros;
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /** A random rotation matrix (row-major), from a random unit quaternion. */
    public static double[] randomRotation(Random random) {
        double a = random.nextGaussian();
        double b = random.nextGaussian();
        double c = random.nextGaussian();
        double d = random.nextGaussian();
        double n = Math.sqrt(a * a + b * b + c * c + d * d);
        a /= n;
        b /= n;
        c /= n;
        d /= n;
        return new double[] {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d};
    }
}
