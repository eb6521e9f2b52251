package org.hearth.gateway.domain.falls;

/**
 * One impact: while it is being measured, or measured and waiting to see whether the person lies
 * still after it. Keeps the impact's |a| samples, because how much of them counts as impact
 * depends on the resting level after it, which is known only later. Fixed arrays; reused.
 */
final class Impact {

    boolean active;
    /** When |a| first crossed the trigger. */
    long startMicros;
    /** When |a| peaked; the impact's samples are counted around it. */
    long peakMicros;
    double peakG;
    /** Mean |a| just before the fall: what this sensor reads as 1 g in the posture before. */
    double levelBefore;
    int references;
    final double[] rx;
    final double[] ry;
    final double[] rz;
    private final double[] magnitudes;
    private final double[] steps;
    private int samples;

    Impact(int maxReferences, int maxSamples) {
        rx = new double[maxReferences];
        ry = new double[maxReferences];
        rz = new double[maxReferences];
        magnitudes = new double[maxSamples];
        steps = new double[maxSamples];
    }

    void start(long t, double magnitude) {
        active = true;
        startMicros = t;
        peakMicros = t;
        peakG = magnitude;
        references = 0;
        samples = 0;
    }

    /** Drops the samples so far, to measure again around a new, higher peak at {@code t}. */
    void restartSamples(long t) {
        peakMicros = t;
        samples = 0;
    }

    /** Adds a sample of the impact; beyond capacity (over about 1 kHz) the rest is not counted. */
    void addSample(double magnitude, double stepSeconds) {
        if (samples < magnitudes.length) {
            magnitudes[samples] = magnitude;
            steps[samples] = stepSeconds;
            samples++;
        }
        peakG = Math.max(peakG, magnitude);
    }

    /**
     * The speed the impact took out of the body, in m/s: ∫(|a| − rest)⁺ dt, counting only what
     * exceeds the sensor's resting reading, so a miscalibrated axis is not mistaken for an impact.
     */
    double deltaV(double restG, double standardGravity) {
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            double excess = magnitudes[i] - restG;
            if (excess > 0) {
                sum += excess * steps[i];
            }
        }
        return sum * standardGravity;
    }

    void copyFrom(Impact other) {
        active = other.active;
        startMicros = other.startMicros;
        peakMicros = other.peakMicros;
        peakG = other.peakG;
        levelBefore = other.levelBefore;
        references = other.references;
        samples = other.samples;
        System.arraycopy(other.rx, 0, rx, 0, references);
        System.arraycopy(other.ry, 0, ry, 0, references);
        System.arraycopy(other.rz, 0, rz, 0, references);
        System.arraycopy(other.magnitudes, 0, magnitudes, 0, samples);
        System.arraycopy(other.steps, 0, steps, 0, samples);
    }
}
