package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.hearth.protocol.AlertKind;

/**
 * How long the resident may stay still after a movement before they are asked: the installer's
 * fixed limit for the room, the one for lying in bed by day or at night, or, once learned, the
 * routine's limit for that room and hour of the week kept within the fixed one. Each check-in
 * the resident answers without moving stretches it.
 */
final class StillnessLimits {

    private final ActivityParameters params;
    private final RoutineModel routine;
    private final ZoneId zone;

    StillnessLimits(ActivityParameters params, RoutineModel routine, ZoneId zone) {
        this.params = params;
        this.routine = routine;
        this.zone = zone;
    }

    /**
     * The limit for a quiet spell and what it rests on. The words are only put together when a
     * question is asked: the limit itself is worked out at every event.
     *
     * @param length the limit, stretched for answered check-ins
     * @param base   the limit before stretching
     * @param place  the movement the stillness is judged by
     * @param inBed  the limit is the one for lying in bed
     * @param usual  the learned norm behind the limit; null for a fixed limit
     */
    record Limit(Duration length, Duration base, Activity place, boolean inBed, RoutineModel.Norm usual) {
        AlertKind kind() {
            return usual == null ? AlertKind.LONG_LIE : AlertKind.INACTIVITY;
        }
    }

    /**
     * The limit for stillness since the movement {@code place}, at {@code now}.
     *
     * @param answers     check-ins the resident answered since, without moving
     * @param bedPressed  the bed mat is pressed
     * @param seatPressed a seat mat is pressed: the limit is a sitting place's, wherever the movement was
     */
    Limit of(Activity place, int answers, boolean bedPressed, boolean seatPressed, Instant now) {
        ActivityParameters.LongLie longLie = params.longLie();
        double repeat = Math.pow(longLie.repeatFactor(), answers);
        Optional<Duration> bed = inBed(place, bedPressed);
        if (bed.isPresent()) {
            return new Limit(scaled(bed.get(), repeat), bed.get(), place, true, null);
        }
        Duration fixed = seatPressed ? longLie.after(RoomKind.SITTING) : longLie.after(place.roomKind());
        Optional<RoutineModel.Norm> usual = routine.quiet(place.room(), place.at(), now);
        if (usual.isPresent()) {
            Duration learned = clamp(usual.get().highDuration().plus(params.routine().margin()), fixed);
            return new Limit(scaled(learned, repeat), learned, place, false, usual.get());
        }
        return new Limit(scaled(fixed, repeat), fixed, place, false, null);
    }

    /** The fixed limit after a movement {@code at}, unstretched: in bed, or the room's. */
    Duration fixed(Activity at, boolean bedPressed) {
        return inBed(at, bedPressed).orElseGet(() -> params.longLie().after(at.roomKind()));
    }

    /** The limit in bed, if the resident is in bed: the mat pressed, or the bedroom at night. */
    private Optional<Duration> inBed(Activity at, boolean bedPressed) {
        LocalTime start = at.at().atZone(zone).toLocalTime();
        ActivityParameters.LongLie longLie = params.longLie();
        boolean bedroom = at.roomKind() == RoomKind.BEDROOM;
        Duration dayLimit = longLie.after(RoomKind.BEDROOM);
        boolean night = params.rooms().isNight(start) || params.rooms().isNight(start.plus(dayLimit));
        if ((bedroom || bedPressed) && night) {
            return Optional.of(longLie.inBedAtNight());
        }
        return bedPressed ? Optional.of(longLie.inBedByDay()) : Optional.empty();
    }

    /** A learned limit, kept within the fixed one stretched either way, and above the floor. */
    private Duration clamp(Duration learned, Duration fixed) {
        ActivityParameters.Routine r = params.routine();
        Duration low = scaled(fixed, 1 / r.stretch());
        low = low.compareTo(r.floor()) < 0 ? r.floor() : low;
        Duration high = scaled(fixed, r.stretch());
        return learned.compareTo(low) < 0 ? low : learned.compareTo(high) > 0 ? high : learned;
    }

    private static Duration scaled(Duration d, double factor) {
        return Duration.ofSeconds(Math.round(d.toSeconds() * factor));
    }
}
