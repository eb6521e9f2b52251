package org.hearth.gateway.domain.falls;

/**
 * The last {@code spanMicros} of |a| and of the time step before each sample, so that the part
 * of an impact that came before the sample which triggered it can be counted. A fixed ring: at
 * rates so high that the span holds more samples than the ring, the oldest drop out early.
 */
final class RecentSamples {

    private final long spanMicros;
    private final long[] times;
    private final double[] magnitudes;
    private final double[] steps;
    private final int mask;
    private int head;
    private int size;

    RecentSamples(long spanMicros, int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        this.spanMicros = spanMicros;
        this.times = new long[capacity];
        this.magnitudes = new double[capacity];
        this.steps = new double[capacity];
        this.mask = capacity - 1;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    void add(long t, double magnitude, double stepSeconds) {
        times[head] = t;
        magnitudes[head] = magnitude;
        steps[head] = stepSeconds;
        head = (head + 1) & mask;
        size = Math.min(size + 1, mask + 1);
    }

    /** Appends the samples from within {@code spanMicros} before {@code now}, oldest first, to {@code impact}. */
    void copyRecent(long now, Impact impact) {
        int n = 0;
        while (n < size && times[(head - 1 - n) & mask] >= now - spanMicros) {
            n++;
        }
        for (int k = n - 1; k >= 0; k--) {
            int i = (head - 1 - k) & mask;
            impact.addSample(magnitudes[i], steps[i]);
        }
    }
}
