package org.hearth.tools.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;

/**
 * A presence radar in one room, played from a log with hindsight: it sees the resident while they
 * are in its room, which is from an activation there to the next activation anywhere else.
 * <ul>
 *   <li>Each activation in the room is motion; {@link #SETTLES_AFTER} later, with no other, the
 *       resident is still.</li>
 *   <li>While still in the room, the resident stirs (a turned page, a reach for a cup): motion the
 *       radar sees and a PIR does not, for {@link #STIR_LASTS}, at random intervals with mean
 *       {@code stirEvery} (none when it is zero: a resident dozing).</li>
 *   <li>An activation in another room: the radar sees nobody.</li>
 * </ul>
 * After an injected collapse ({@link #before}) nothing moves: a radar that saw the resident sees
 * them still, for as long as the replay runs.
 */
final class SimulatedRadar {

    static final Duration SETTLES_AFTER = Duration.ofSeconds(30);
    static final Duration STIR_LASTS = Duration.ofSeconds(10);
    static final String ID = "radar-sim";

    private final List<PresenceEvent> events;

    private SimulatedRadar(List<PresenceEvent> events) {
        this.events = events;
    }

    /**
     * @param log       the replayed log, oldest first
     * @param room      the radar's room, as the log's sensors name it ("living room")
     * @param stirEvery mean time between stirs the radar sees and the PIRs do not; zero for none
     */
    static SimulatedRadar of(List<SensorEvent> log, String room, Duration stirEvery, long seed) {
        Random random = new Random(seed);
        List<SensorEvent> on = log.stream().filter(e -> e.active() && e.kind().showsPresence()).toList();
        List<PresenceEvent> out = new ArrayList<>();
        Presence state = Presence.NOBODY;
        for (int i = 0; i < on.size(); i++) {
            SensorEvent a = on.get(i);
            Instant next = i + 1 < on.size() ? on.get(i + 1).at() : a.at().plus(Duration.ofHours(1));
            if (!a.room().equals(room)) {
                state = change(out, room, state, Presence.NOBODY, a.at());
                continue;
            }
            state = change(out, room, state, Presence.MOVING, a.at());
            Instant still = a.at().plus(SETTLES_AFTER);
            if (!still.isBefore(next)) {
                continue;
            }
            state = change(out, room, state, Presence.STILL, still);
            if (stirEvery.isZero()) {
                continue;
            }
            Instant stir = still.plus(exponential(random, stirEvery));
            while (stir.plus(STIR_LASTS).isBefore(next)) {
                change(out, room, Presence.STILL, Presence.MOVING, stir);
                change(out, room, Presence.MOVING, Presence.STILL, stir.plus(STIR_LASTS));
                stir = stir.plus(STIR_LASTS).plus(exponential(random, stirEvery));
            }
        }
        return new SimulatedRadar(List.copyOf(out));
    }

    /** Everything the radar reported. */
    List<PresenceEvent> events() {
        return events;
    }

    /** What the radar reports when the resident collapses at {@code cut}: what it saw before, then stillness if it saw them move. */
    List<PresenceEvent> before(Instant cut) {
        List<PresenceEvent> kept = new ArrayList<>();
        for (PresenceEvent e : events) {
            if (!e.at().isBefore(cut)) {
                break;
            }
            kept.add(e);
        }
        if (!kept.isEmpty() && kept.get(kept.size() - 1).presence() == Presence.MOVING) {
            PresenceEvent last = kept.get(kept.size() - 1);
            kept.add(new PresenceEvent(last.sensorId(), last.room(), Presence.STILL, cut));
        }
        return kept;
    }

    private static Presence change(List<PresenceEvent> out, String room, Presence from, Presence to, Instant at) {
        if (from != to) {
            out.add(new PresenceEvent(ID, room, to, at));
        }
        return to;
    }

    private static Duration exponential(Random random, Duration mean) {
        return Duration.ofMillis(Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis()));
    }
}
