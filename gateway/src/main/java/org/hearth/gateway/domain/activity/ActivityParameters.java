package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every parameter of the activity detectors, with units, in one typed record. {@link #defaults()}
 * documents the defaults and why each was chosen; the app maps the YAML config onto this.
 *
 * @param rooms      how rooms are understood
 * @param longLie    no movement anywhere after movement in a room
 * @param away       when the resident counts as out, and back
 * @param routine    the learned routine
 * @param noMotionBy installer rules such as "no kitchen motion by 10:00"
 * @param occupied   installer rules such as "bathroom occupied more than 45 min"
 * @param doorAtNight installer rules such as "front door opened at night" (wandering risk)
 * @param environment indoor temperature limits
 */
public record ActivityParameters(Rooms rooms, LongLie longLie, Away away, Routine routine,
                                 List<NoMotionBy> noMotionBy, List<OccupiedTooLong> occupied,
                                 List<DoorAtNight> doorAtNight, Environment environment) {

    public ActivityParameters {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(longLie, "longLie");
        Objects.requireNonNull(away, "away");
        Objects.requireNonNull(routine, "routine");
        noMotionBy = List.copyOf(noMotionBy);
        occupied = List.copyOf(occupied);
        doorAtNight = List.copyOf(doorAtNight);
        Objects.requireNonNull(environment, "environment");
    }

    /**
     * The defaults. The installer's fixed rules are the examples "no kitchen motion by
     * 10:00" and "bathroom occupied more than 45 min"; "front door opened at night" is for
     * residents at risk of wandering, so it is off unless the installer sets it, for example
     * {@code new DoorAtNight("entry", LocalTime.of(0, 0), LocalTime.of(5, 0))}. The long-lie limits were set against one real home (CASAS tm000, 3.5 days of
     * ordinary living) so that ordinary pauses stay under them with room to spare, and kept
     * round so they do not fit that one home: see each record's documentation.
     */
    public static ActivityParameters defaults() {
        return new ActivityParameters(Rooms.defaults(), LongLie.defaults(), Away.defaults(), Routine.defaults(),
                List.of(new NoMotionBy("kitchen", LocalTime.of(10, 0), LocalTime.of(4, 0))),
                List.of(new OccupiedTooLong("bathroom", Duration.ofMinutes(45))),
                List.of(), Environment.defaults());
    }

    public ActivityParameters withRoutine(Routine newRoutine) {
        return new ActivityParameters(rooms, longLie, away, newRoutine, noMotionBy, occupied, doorAtNight, environment);
    }

    public ActivityParameters withLongLie(LongLie newLongLie) {
        return new ActivityParameters(rooms, newLongLie, away, routine, noMotionBy, occupied, doorAtNight, environment);
    }

    /** The same parameters for a home of {@code residents} people. */
    public ActivityParameters withResidents(int residents) {
        Away a = new Away(away.departAfter(), away.blipsAllowed(), away.returnSensors(), away.returnWithin(), residents);
        return new ActivityParameters(rooms, longLie, a, routine, noMotionBy, occupied, doorAtNight, environment);
    }

    public ActivityParameters withFixedRules(List<NoMotionBy> by, List<OccupiedTooLong> occ, List<DoorAtNight> door) {
        return new ActivityParameters(rooms, longLie, away, routine, by, occ, door, environment);
    }

    /**
     * @param kinds      the installer's word on what a room is for, by lower-case room name; rooms
     *                   not listed are guessed from their names ({@link RoomKind#of})
     * @param nightStart when the night begins: stillness in the bedroom from then on is sleep
     * @param nightEnd   when the night ends
     */
    public record Rooms(Map<String, RoomKind> kinds, LocalTime nightStart, LocalTime nightEnd) {
        public Rooms {
            kinds = Map.copyOf(kinds);
            Objects.requireNonNull(nightStart, "nightStart");
            Objects.requireNonNull(nightEnd, "nightEnd");
        }

        /** Night 22:00 to 07:00: covers ordinary bedtimes and the early hours when people sleep. */
        public static Rooms defaults() {
            return new Rooms(Map.of(), LocalTime.of(22, 0), LocalTime.of(7, 0));
        }

        public RoomKind kindOf(String room) {
            return RoomKind.of(room, kinds);
        }

        boolean isNight(LocalTime t) {
            return nightStart.isAfter(nightEnd)
                    ? !t.isBefore(nightStart) || t.isBefore(nightEnd)
                    : !t.isBefore(nightStart) && t.isBefore(nightEnd);
        }
    }

    /**
     * How long no movement anywhere, after movement in a room, is a possible long lie.
     *
     * @param otherwise    after a room with no limit of its own; default 30 min (the N)
     * @param byRoom       per kind of room; default 90 min after a sitting place (a resident can
     *                     sit 1-2 h without tripping a sensor; the spoken check-in makes an hour
     *                     and a half cheap), 60 min after the bedroom by day (dressing, resting)
     *                     and after a room whose use is unknown (the middle way)
     * @param inBedByDay   a nap: the bed mat pressed by day; default 3 h
     * @param inBedAtNight asleep: in the bedroom at night, or the bed mat pressed; default 10 h, so
     *                     in practice the morning rule speaks first (a collapse at night looks
     *                     like sleep)
     * @param repeatFactor after the resident answers a check-in and stays still, the next limit
     *                     is this many times longer; default 2
     */
    public record LongLie(Duration otherwise, Map<RoomKind, Duration> byRoom, Duration inBedByDay,
                          Duration inBedAtNight, double repeatFactor) {
        public LongLie {
            positive(otherwise, "longLie.otherwise");
            byRoom = Map.copyOf(byRoom);
            byRoom.forEach((k, v) -> positive(v, "longLie.byRoom." + k));
            positive(inBedByDay, "longLie.inBedByDay");
            positive(inBedAtNight, "longLie.inBedAtNight");
            if (repeatFactor < 1) {
                throw new IllegalArgumentException("longLie.repeatFactor must be at least 1, was " + repeatFactor);
            }
        }

        public static LongLie defaults() {
            Map<RoomKind, Duration> byRoom = new EnumMap<>(RoomKind.class);
            byRoom.put(RoomKind.SITTING, Duration.ofMinutes(90));
            byRoom.put(RoomKind.BEDROOM, Duration.ofMinutes(60));
            byRoom.put(RoomKind.OTHER, Duration.ofMinutes(60));
            return new LongLie(Duration.ofMinutes(30), byRoom, Duration.ofHours(3), Duration.ofHours(10), 2.0);
        }

        Duration after(RoomKind kind) {
            return byRoom.getOrDefault(kind, otherwise);
        }
    }

    /**
     * Out and back. Activity at the entry followed by silence elsewhere means the resident went
     * out; a single motion blip in an empty home is not a return, several sensors within minutes
     * are.
     *
     * @param departAfter   silence after entry activity before the resident counts as out;
     *                      default 15 min (less than every long-lie limit, so a departure is
     *                      settled before any check-in)
     * @param blipsAllowed  other activations tolerated after the entry activity without calling
     *                      off the departure: motion sensors blip; default 1
     * @param returnSensors distinct sensors that make a return; default 3
     * @param returnWithin  ...all within this time; default 10 min
     * @param residents     how many people live in the home; default 1. With more than one,
     *                      "out" means everyone out, and {@link Occupancy} asks more of the
     *                      evidence (docs/detection.md, "Two residents")
     */
    public record Away(Duration departAfter, int blipsAllowed, int returnSensors, Duration returnWithin, int residents) {
        public Away {
            positive(departAfter, "away.departAfter");
            positive(returnWithin, "away.returnWithin");
            if (blipsAllowed < 0 || returnSensors < 2) {
                throw new IllegalArgumentException("away.blipsAllowed must be >= 0 and away.returnSensors >= 2");
            }
            if (residents < 1) {
                throw new IllegalArgumentException("away.residents must be >= 1, was " + residents);
            }
        }

        /** A home of one resident. */
        public Away(Duration departAfter, int blipsAllowed, int returnSensors, Duration returnWithin) {
            this(departAfter, blipsAllowed, returnSensors, returnWithin, 1);
        }

        public static Away defaults() {
            return new Away(Duration.ofMinutes(15), 1, 3, Duration.ofMinutes(10));
        }

        /** True when more than one person lives here: the home's sensors are shared. */
        public boolean shared() {
            return residents > 1;
        }
    }

    /**
     * The learned routine: for each room and hour of the week, the quiet spells that began there.
     *
     * @param learningPeriod only fixed rules apply until the home has been watched this long;
     *                       default 14 days (two of each weekday)
     * @param minSamples     spells needed before a norm is trusted; with fewer in the hour of the
     *                       week, the same hour +-1 on every day is pooled; default 8
     * @param keepSamples    spells kept per room and hour of the week (older ones drop); default 40
     * @param minQuiet       shorter pauses are not quiet spells and are not learned; default 5 min
     * @param percentile     the high percentile of the usual spells; default 0.95
     * @param margin         added to it; default 30 min
     * @param floor          no learned limit is shorter; default 30 min (the long-lie default)
     * @param stretch        a learned limit stays within the fixed long-lie limit for the room
     *                       divided or multiplied by this, so learning tunes the installer's
     *                       limits but cannot make a collapse wait for hours; default 2
     * @param wakeMargin     the morning rule: not up by the usual time (90th percentile) plus this;
     *                       default 45 min
     * @param dayStart       movement outside the bedroom and bathroom after this is "up"; default 04:00
     */
    public record Routine(Duration learningPeriod, int minSamples, int keepSamples, Duration minQuiet,
                          double percentile, Duration margin, Duration floor, double stretch,
                          Duration wakeMargin, LocalTime dayStart) {
        public Routine {
            positive(learningPeriod, "routine.learningPeriod");
            positive(minQuiet, "routine.minQuiet");
            positive(floor, "routine.floor");
            positive(wakeMargin, "routine.wakeMargin");
            Objects.requireNonNull(margin, "routine.margin");
            Objects.requireNonNull(dayStart, "routine.dayStart");
            if (stretch < 1) {
                throw new IllegalArgumentException("routine.stretch must be at least 1, was " + stretch);
            }
            if (minSamples < 3 || keepSamples < minSamples) {
                throw new IllegalArgumentException("routine.minSamples must be >= 3 and <= routine.keepSamples");
            }
            if (percentile <= 0.5 || percentile >= 1) {
                throw new IllegalArgumentException("routine.percentile must be between 0.5 and 1, was " + percentile);
            }
        }

        public static Routine defaults() {
            return new Routine(Duration.ofDays(14), 8, 40, Duration.ofMinutes(5), 0.95, Duration.ofMinutes(30),
                    Duration.ofMinutes(30), 2.0, Duration.ofMinutes(45), LocalTime.of(4, 0));
        }
    }

    /**
     * "No movement in {@code room} by {@code by}", counting movement since {@code since} the same day.
     * A rule for a room with no sensor that has ever reported stays dormant.
     */
    public record NoMotionBy(String room, LocalTime by, LocalTime since) {
        public NoMotionBy {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(since, "since");
            if (!since.isBefore(by)) {
                throw new IllegalArgumentException("noMotionBy." + room + ": since " + since + " must be before " + by);
            }
        }
    }

    /** "{@code room} occupied more than {@code limit}": movement there and nowhere else. */
    public record OccupiedTooLong(String room, Duration limit) {
        public OccupiedTooLong {
            Objects.requireNonNull(room, "room");
            positive(limit, "occupied." + room + ".limit");
        }
    }

    /** "The door of {@code room} opened between {@code from} and {@code to}" while the resident is home. */
    public record DoorAtNight(String room, LocalTime from, LocalTime to) {
        public DoorAtNight {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        boolean covers(LocalTime t) {
            return from.isAfter(to) ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
        }
    }

    /**
     * Indoor temperature.
     *
     * @param lowC        colder than this is unsafe; default 16 °C (UK health guidance for older people)
     * @param highC       warmer than this is unsafe; default 27 °C
     * @param after       ...for longer than this; default 1 h
     * @param hysteresisC a spell ends only once the temperature is back this far inside the
     *                    limit, so a reading hovering at the limit neither restarts the hour nor
     *                    raises a second alert; default 0.5 °C (about twice a BME280's or SHT31's
     *                    reading noise)
     */
    public record Environment(double lowC, double highC, Duration after, double hysteresisC) {
        public Environment {
            positive(after, "environment.after");
            if (!(lowC < highC) || hysteresisC < 0 || 2 * hysteresisC >= highC - lowC) {
                throw new IllegalArgumentException("environment: need lowC < highC and a hysteresis under half the gap");
            }
        }

        public static Environment defaults() {
            return new Environment(16.0, 27.0, Duration.ofHours(1), 0.5);
        }
    }

    private static void positive(Duration d, String key) {
        Objects.requireNonNull(d, key);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, was " + d);
        }
    }
}
