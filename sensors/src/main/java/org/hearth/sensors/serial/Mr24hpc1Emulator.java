package org.hearth.sensors.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.hearth.sensors.Presence;
import org.hearth.sensors.sim.SerialPeer;

/**
 * Plays an MR24HPC1 at the frame level: reports presence and motion when they change, answers
 * heartbeat and motion queries, and misbehaves on demand (a bad checksum, a frame cut short,
 * noise between frames, silence). Frames are built from the protocol as documented, by
 * {@link Mr24hpc1Frame#bytes()}; the faults are made by hand from those bytes. Tests and the
 * demo's simulated home use it (behind {@link EmulatedSerialProvider}); it is thread-safe, since
 * the home changes what it sees on one thread while the driver reads on another.
 */
public final class Mr24hpc1Emulator implements SerialPeer {

    private final Deque<Byte> out = new ArrayDeque<>();
    private final ByteArrayOutputStream fromHost = new ByteArrayOutputStream();
    private final List<Mr24hpc1Frame> queries = new ArrayList<>();
    private Presence presence = Presence.NOBODY;
    private boolean silent;
    private boolean corruptNext;
    private boolean truncateNext;
    private int badQueries;

    /** A person walks in, sits down, gets up...: the reports the module sends on each change. */
    public synchronized void sees(Presence now) {
        if (now == presence) {
            return;
        }
        boolean wasEmpty = presence == Presence.NOBODY;
        presence = now;
        if (now == Presence.NOBODY || wasEmpty) {
            send(Mr24hpc1Frame.report(Mr24hpc1Frame.HUMAN, Mr24hpc1Frame.PRESENCE, now == Presence.NOBODY ? 0 : 1));
        }
        send(motionReport(Mr24hpc1Frame.MOTION));
    }

    /** A body-movement figure, which the module sends every few seconds while someone is there. */
    public synchronized void bodyMovement(int value) {
        send(Mr24hpc1Frame.report(Mr24hpc1Frame.HUMAN, Mr24hpc1Frame.BODY_MOVEMENT, value));
    }

    /** The module's own heartbeat, as if asked. */
    synchronized void heartbeat() {
        send(Mr24hpc1Frame.report(Mr24hpc1Frame.SYSTEM, Mr24hpc1Frame.HEARTBEAT, 0x0F));
    }

    /** Bytes that are not a frame, for example a boot banner. */
    synchronized void noise(byte... bytes) {
        if (!silent) {
            for (byte b : bytes) {
                out.addLast(b);
            }
        }
    }

    synchronized void corruptNextFrame() {
        corruptNext = true;
    }

    synchronized void truncateNextFrame() {
        truncateNext = true;
    }

    /** Unplugged, or hung: sends nothing and answers nothing. */
    public synchronized void silent(boolean silent) {
        this.silent = silent;
    }

    /** Every query the host sent, decoded. */
    synchronized List<Mr24hpc1Frame> queries() {
        return List.copyOf(queries);
    }

    /** How many damaged frames the host sent: none, from a correct driver. */
    synchronized int badQueries() {
        return badQueries;
    }

    @Override
    public synchronized void fromHost(byte[] data, int offset, int length) {
        fromHost.write(data, offset, length);
        byte[] all = fromHost.toByteArray();
        fromHost.reset();
        Mr24hpc1Decoder decoder = new Mr24hpc1Decoder(new Mr24hpc1Decoder.Sink() {
            @Override
            public void frame(Mr24hpc1Frame frame) {
                queries.add(frame);
                answer(frame);
            }

            @Override
            public void problem(FrameProblem problem) {
                // A real module ignores what it cannot read; tests check badQueries().
                badQueries++;
            }
        });
        decoder.accept(all, all.length);
        fromHost.write(all, all.length - decoder.pending(), decoder.pending());
    }

    @Override
    public synchronized int available() {
        return out.size();
    }

    @Override
    public synchronized int toHost(byte[] buffer, int offset, int length) throws IOException {
        int n = 0;
        while (n < length && !out.isEmpty()) {
            buffer[offset + n++] = out.removeFirst();
        }
        return n;
    }

    private void answer(Mr24hpc1Frame query) {
        if (query.control() == Mr24hpc1Frame.SYSTEM && query.command() == Mr24hpc1Frame.HEARTBEAT) {
            send(query); // the manual's heartbeat answer repeats the query
        } else if (query.control() == Mr24hpc1Frame.HUMAN && query.function() == Mr24hpc1Frame.MOTION) {
            send(motionReport(query.command()));
        }
    }

    private Mr24hpc1Frame motionReport(int command) {
        int value = switch (presence) {
            case NOBODY -> 0;
            case STILL -> 1;
            case MOVING -> 2;
        };
        return Mr24hpc1Frame.report(Mr24hpc1Frame.HUMAN, command, value);
    }

    private void send(Mr24hpc1Frame frame) {
        if (silent) {
            return;
        }
        byte[] bytes = frame.bytes();
        if (corruptNext) {
            corruptNext = false;
            bytes[Mr24hpc1Frame.PREFIX] ^= 0x01; // one flipped bit in the data: the checksum no longer matches
        }
        if (truncateNext) {
            truncateNext = false;
            bytes = Arrays.copyOf(bytes, bytes.length - 4); // the module reset mid-frame
        }
        noise(bytes);
    }
}
