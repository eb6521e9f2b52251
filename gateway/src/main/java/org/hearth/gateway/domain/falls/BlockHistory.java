package org.hearth.gateway.domain.falls;

/**
 * The recent stream summarised in fixed-length blocks of time (sums of the axes, of |a| and of
 * |a|², and a count), so posture and stillness over any whole number of blocks cost a few
 * additions whatever the sampling rate. Blocks follow a time grid from the first sample; a block
 * the stream skipped is kept, empty. Fixed arrays, no allocation after construction.
 */
final class BlockHistory {

    private final long blockMicros;
    private final int mask;
    private final long[] start;
    private final double[] sx;
    private final double[] sy;
    private final double[] sz;
    private final double[] sm;
    private final double[] sm2;
    private final int[] count;
    /** Index the next closed block goes to. */
    private int head;
    private int size;

    private boolean open;
    private long openStart;
    private double ox;
    private double oy;
    private double oz;
    private double om;
    private double om2;
    private int on;

    /** @param capacity how many closed blocks to keep, a power of two */
    BlockHistory(long blockMicros, int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        this.blockMicros = blockMicros;
        this.mask = capacity - 1;
        this.start = new long[capacity];
        this.sx = new double[capacity];
        this.sy = new double[capacity];
        this.sz = new double[capacity];
        this.sm = new double[capacity];
        this.sm2 = new double[capacity];
        this.count = new int[capacity];
    }

    void clear() {
        open = false;
        head = 0;
        size = 0;
    }

    /**
     * Whether a sample at {@code t} falls past the open block, so that {@link #closeBlock} must be
     * called (possibly several times, across a gap) before {@link #add}.
     */
    boolean needsClose(long t) {
        return open && t >= openStart + blockMicros;
    }

    /** Closes the open block and opens the next one on the grid. */
    void closeBlock() {
        int i = head;
        start[i] = openStart;
        sx[i] = ox;
        sy[i] = oy;
        sz[i] = oz;
        sm[i] = om;
        sm2[i] = om2;
        count[i] = on;
        head = (head + 1) & mask;
        size = Math.min(size + 1, mask + 1);
        openStart += blockMicros;
        ox = oy = oz = om = om2 = 0;
        on = 0;
    }

    void add(long t, double x, double y, double z, double m) {
        if (!open) {
            open = true;
            openStart = t;
            ox = oy = oz = om = om2 = 0;
            on = 0;
        }
        ox += x;
        oy += y;
        oz += z;
        om += m;
        om2 += m * m;
        on++;
    }

    int size() {
        return size;
    }

    /** The start of the closed block {@code back} places before the newest (0 is the newest). */
    long startOf(int back) {
        return start[index(back)];
    }

    long blockMicros() {
        return blockMicros;
    }

    /** Sum over the closed blocks {@code back} down to {@code back - n + 1} into {@code out}: x, y, z, |a|, |a|², count. */
    void sum(int back, int n, double[] out) {
        double x = 0;
        double y = 0;
        double z = 0;
        double m = 0;
        double m2 = 0;
        int c = 0;
        for (int k = back; k > back - n; k--) {
            int i = index(k);
            x += sx[i];
            y += sy[i];
            z += sz[i];
            m += sm[i];
            m2 += sm2[i];
            c += count[i];
        }
        out[0] = x;
        out[1] = y;
        out[2] = z;
        out[3] = m;
        out[4] = m2;
        out[5] = c;
    }

    private int index(int back) {
        if (back < 0 || back >= size) {
            throw new IndexOutOfBoundsException("block " + back + " of " + size);
        }
        return (head - 1 - back) & mask;
    }
}
