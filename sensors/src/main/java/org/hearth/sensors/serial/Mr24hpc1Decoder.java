package org.hearth.sensors.serial;

import java.util.Arrays;

/**
 * Finds {@link Mr24hpc1Frame}s in the byte stream from the module, however the bytes are split
 * across reads. Anything that is not a good frame is skipped and named, and the search goes on
 * from the next byte, so one damaged frame never costs the frame after it:
 * <ul>
 *   <li>bytes before a header are {@link FrameProblem#NOISE};</li>
 *   <li>a frame whose tail is not where its length puts it is {@link FrameProblem#TRUNCATED}
 *       (the next frame began inside it);</li>
 *   <li>a frame with its tail in place and a wrong checksum is {@link FrameProblem#BAD_CHECKSUM}.</li>
 * </ul>
 * An incomplete frame waits for more bytes, until {@link #abandonPartial} says none are coming:
 * at 115200 baud a frame takes about a millisecond, so one that stalls for a whole poll was cut short.
 * Not thread-safe: one reader feeds it.
 */
final class Mr24hpc1Decoder {

    /** As long as the module's longest frames (product strings); a longer length is a damaged header. */
    static final int MAX_DATA = 32;

    /** Where decoded frames and problems go. */
    interface Sink {
        void frame(Mr24hpc1Frame frame);

        void problem(FrameProblem problem);
    }

    private final Sink sink;
    private byte[] buffer = new byte[64];
    private int length;
    private boolean inNoise;

    Mr24hpc1Decoder(Sink sink) {
        this.sink = sink;
    }

    /** Takes {@code n} more bytes from the module. */
    void accept(byte[] data, int n) {
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
        }
        System.arraycopy(data, 0, buffer, length, n);
        length += n;
        int start = 0;
        while (true) {
            int consumed = next(start);
            if (consumed == 0) {
                break;
            }
            start += consumed;
        }
        System.arraycopy(buffer, start, buffer, 0, length - start);
        length -= start;
    }

    /** Bytes held back, waiting for the rest of a frame. */
    int pending() {
        return length;
    }

    /** The frame held back will never be finished: it is {@link FrameProblem#TRUNCATED}, and what follows its header is read again. */
    void abandonPartial() {
        if (length > 0) {
            damaged(FrameProblem.TRUNCATED);
            byte[] rest = Arrays.copyOfRange(buffer, 1, length);
            length = 0;
            accept(rest, rest.length);
        }
    }

    /** Looks at the bytes from {@code at}; returns how many it used up, 0 when it must wait for more. */
    private int next(int at) {
        int available = length - at;
        if (available == 0) {
            return 0;
        }
        if ((buffer[at] & 0xFF) != Mr24hpc1Frame.HEAD_1 || (available > 1 && (buffer[at + 1] & 0xFF) != Mr24hpc1Frame.HEAD_2)) {
            if (!inNoise) {
                inNoise = true;
                sink.problem(FrameProblem.NOISE);
            }
            return 1;
        }
        if (available < Mr24hpc1Frame.PREFIX) {
            return 0;
        }
        int dataLength = ((buffer[at + 4] & 0xFF) << 8) | (buffer[at + 5] & 0xFF);
        if (dataLength > MAX_DATA) {
            return damaged(FrameProblem.TRUNCATED);
        }
        int total = Mr24hpc1Frame.PREFIX + dataLength + Mr24hpc1Frame.SUFFIX;
        if (available < total) {
            return 0;
        }
        int end = at + Mr24hpc1Frame.PREFIX + dataLength;
        if ((buffer[end + 1] & 0xFF) != Mr24hpc1Frame.TAIL_1 || (buffer[end + 2] & 0xFF) != Mr24hpc1Frame.TAIL_2) {
            return damaged(FrameProblem.TRUNCATED);
        }
        if (Mr24hpc1Frame.checksum(Arrays.copyOfRange(buffer, at, end), end - at) != buffer[end]) {
            return damaged(FrameProblem.BAD_CHECKSUM);
        }
        inNoise = false;
        sink.frame(new Mr24hpc1Frame(buffer[at + 2] & 0xFF, buffer[at + 3] & 0xFF,
                Arrays.copyOfRange(buffer, at + Mr24hpc1Frame.PREFIX, end)));
        return total;
    }

    /** A header that led to no good frame: name it, and look for the next header from the byte after it. */
    private int damaged(FrameProblem problem) {
        sink.problem(problem);
        inNoise = true; // the rest of the damaged frame is skipped as part of this problem
        return 1;
    }
}
