package org.hearth.gateway.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.gateway.domain.activity.ActivityWatch;
import org.hearth.gateway.domain.activity.ResidentStatus;
import org.hearth.gateway.domain.activity.RoutineStore;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.VirtualScheduler;

/**
 * A home in virtual time, driven like a story:
 * <pre>
 * givenHomeWith(pir("kitchen"), pir("hall"), door("entry"))
 *     .at("07:00").motionIn("kitchen")
 *     .noMotionUntil("07:31")
 *     .thenAlert("long_lie.kitchen");
 * </pre>
 * It runs the real {@link ActivityWatch} on a {@link VirtualScheduler} and records what the
 * watch raises. Days start on Monday 2 March 2026 in UTC; {@link #nextDay()} moves on.
 */
public final class HomeScenario {

    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
    private static final ZoneId ZONE = ZoneOffset.UTC;

    /** One sensor of the home. */
    public record Sensor(String id, String room, SensorKind kind) {
    }

    /** Something the watch raised, and when. */
    public record Raised(Instant at, AlertRequest request) {
        public String message() {
            return request.message();
        }
    }

    private final List<Sensor> sensors;
    private VirtualScheduler scheduler;
    private RoutineStore store = RoutineStore.NONE;
    private final List<Raised> raised = new ArrayList<>();
    private ActivityParameters params = ActivityParameters.defaults();
    private ActivityWatch watch;
    private LocalDate day = FIRST_DAY;
    private int checked;

    private HomeScenario(List<Sensor> sensors) {
        this.sensors = List.copyOf(sensors);
        this.scheduler = new VirtualScheduler(FIRST_DAY.atStartOfDay(ZONE).toInstant(), ZONE);
    }

    public static HomeScenario givenHomeWith(Sensor... sensors) {
        return new HomeScenario(List.of(sensors));
    }

    public static Sensor pir(String room) {
        return new Sensor("pir-" + room, room, SensorKind.PIR);
    }

    public static Sensor door(String room) {
        return new Sensor("door-" + room, room, SensorKind.CONTACT);
    }

    public static Sensor bedMat(String room) {
        return new Sensor("bed-" + room, room, SensorKind.PRESSURE_MAT);
    }

    public static Sensor chairMat(String room) {
        return new Sensor("chair-" + room, room, SensorKind.PRESSURE_MAT);
    }

    /** Replaces the default parameters; only before anything has happened. */
    public HomeScenario withParameters(ActivityParameters parameters) {
        if (watch != null) {
            throw new IllegalStateException("set the parameters before the first event");
        }
        this.params = parameters;
        return this;
    }

    /** Keeps the routine and whereabouts in {@code routineStore}; only before anything has happened. */
    public HomeScenario withStore(RoutineStore routineStore) {
        if (watch != null) {
            throw new IllegalStateException("set the store before the first event");
        }
        this.store = routineStore;
        return this;
    }

    /**
     * The gateway restarts at this moment: a new watch on a new scheduler, so every timer of the
     * old one is gone, reading what the old one stored through {@code routineStore}.
     */
    public HomeScenario restart(RoutineStore routineStore) {
        scheduler = new VirtualScheduler(scheduler.now(), ZONE);
        watch = null;
        store = routineStore;
        return this;
    }

    // ---- time ----

    /** Moves to {@code hh:mm} on the current day, running every timer due on the way. */
    public HomeScenario at(String hhmm) {
        Instant target = day.atTime(LocalTime.parse(hhmm)).atZone(ZONE).toInstant();
        if (target.isBefore(scheduler.now())) {
            throw new IllegalArgumentException(hhmm + " on " + day + " is in the past; use nextDay()");
        }
        watch();
        scheduler.advanceTo(target);
        return this;
    }

    /** The same as {@link #at}, read as "and then nothing moves until". */
    public HomeScenario noMotionUntil(String hhmm) {
        return at(hhmm);
    }

    /**
     * NTP sets the wall clock {@code by} forwards (or back, if negative) and no time passes: timers
     * keep their delays, the day follows the new clock.
     */
    public HomeScenario clockSetBy(Duration by) {
        watch();
        scheduler.jumpWallClock(by);
        day = scheduler.now().atZone(ZONE).toLocalDate();
        return this;
    }

    public HomeScenario nextDay() {
        day = day.plusDays(1);
        return this;
    }

    /** Runs {@code plan} on each of the next {@code days} days, starting with the current one. */
    public HomeScenario forDays(int days, Consumer<HomeScenario> plan) {
        for (int i = 0; i < days; i++) {
            plan.accept(this);
            nextDay();
        }
        return this;
    }

    public Instant now() {
        return scheduler.now();
    }

    // ---- the resident ----

    /** A PIR in {@code room} sees a moment of motion. */
    public HomeScenario motionIn(String room) {
        Sensor pir = sensor(room, SensorKind.PIR);
        emit(pir, true);
        scheduler.advanceBy(Duration.ofSeconds(5));
        emit(pir, false);
        return this;
    }

    /** The resident busies about {@code room} (motion every 3 min) until {@code hhmm}. */
    public HomeScenario busyIn(String room, String hhmm) {
        return motionEvery(room, Duration.ofMinutes(3), hhmm);
    }

    /** The resident sits in {@code room}, stirring every 25 min, until {@code hhmm}. */
    public HomeScenario sitsIn(String room, String hhmm) {
        return motionEvery(room, Duration.ofMinutes(25), hhmm);
    }

    private HomeScenario motionEvery(String room, Duration every, String hhmm) {
        Instant until = day.atTime(LocalTime.parse(hhmm)).atZone(ZONE).toInstant();
        while (scheduler.now().isBefore(until)) {
            motionIn(room);
            Instant next = scheduler.now().plus(every);
            scheduler.advanceTo(next.isAfter(until) ? until : next);
        }
        return this;
    }

    /** The door of {@code room} opens and closes. */
    public HomeScenario opensDoor(String room) {
        Sensor door = sensor(room, SensorKind.CONTACT);
        emit(door, true);
        scheduler.advanceBy(Duration.ofSeconds(20));
        emit(door, false);
        return this;
    }

    public HomeScenario getsIntoBed(String room) {
        emit(sensor(room, SensorKind.PRESSURE_MAT), true);
        return this;
    }

    public HomeScenario getsOutOfBed(String room) {
        emit(sensor(room, SensorKind.PRESSURE_MAT), false);
        return this;
    }

    /** Walks from {@code room} through the hall and out of the door of {@code entry}. */
    public HomeScenario goesOutVia(String hall, String entry) {
        motionIn(hall);
        scheduler.advanceBy(Duration.ofSeconds(30));
        return opensDoor(entry);
    }

    /** Comes in through {@code entry}, and walks through {@code hall} to {@code room}. */
    public HomeScenario comesHomeVia(String entry, String hall, String room) {
        opensDoor(entry);
        motionIn(hall);
        scheduler.advanceBy(Duration.ofSeconds(30));
        return motionIn(room);
    }

    /** The presence radar in {@code room} (id {@code radar-ROOM}) now sees {@code presence}. */
    public HomeScenario radarSees(String room, Presence presence) {
        watch().onPresence(new PresenceEvent("radar-" + room, room, presence, scheduler.now()));
        return this;
    }

    /** A resident in the chair, seen by the radar: still, with a small movement every {@code every} until {@code hhmm}. */
    public HomeScenario stirsInRadarView(String room, Duration every, String hhmm) {
        Instant until = day.atTime(LocalTime.parse(hhmm)).atZone(ZONE).toInstant();
        while (scheduler.now().isBefore(until)) {
            radarSees(room, Presence.MOVING);
            scheduler.advanceBy(Duration.ofSeconds(10));
            radarSees(room, Presence.STILL);
            Instant next = scheduler.now().plus(every);
            scheduler.advanceTo(next.isAfter(until) ? until : next);
        }
        return this;
    }

    /** The resident answers the device's question ("I'm fine"). */
    public HomeScenario residentAnswers() {
        watch().residentAnswered("voice");
        return this;
    }

    // ---- expectations ----

    /** Asserts that the next thing raised since the last expectation is {@code kind} about {@code room}. */
    public Raised thenAlert(AlertKind kind, String room) {
        assertThat(raised.size()).as("alerts raised by " + scheduler.now() + ": " + raised).isGreaterThan(checked);
        Raised r = raised.get(checked++);
        assertThat(r.request().kind()).as("kind of " + r).isEqualTo(kind);
        assertThat(r.request().room()).as("room of " + r).isEqualTo(room);
        return r;
    }

    /** The same, named as "long_lie.kitchen" or "inactivity.bathroom". */
    public Raised thenAlert(String kindDotRoom) {
        int dot = kindDotRoom.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("expected kind.room, for example long_lie.kitchen, not " + kindDotRoom);
        }
        return thenAlert(AlertKind.valueOf(kindDotRoom.substring(0, dot).toUpperCase(Locale.ROOT)), kindDotRoom.substring(dot + 1));
    }

    /** Asserts that nothing was raised since the last expectation. */
    public HomeScenario thenNoAlert() {
        assertThat(raised.subList(checked, raised.size())).as("alerts raised by " + scheduler.now()).isEmpty();
        return this;
    }

    public List<Raised> raised() {
        return List.copyOf(raised);
    }

    public boolean residentOut() {
        return watch().residentOut();
    }

    public ResidentStatus status() {
        return watch().status();
    }

    private void emit(Sensor sensor, boolean active) {
        watch().onEvent(new SensorEvent(sensor.id(), sensor.room(), sensor.kind(), active, scheduler.now()));
    }

    private Sensor sensor(String room, SensorKind kind) {
        return sensors.stream().filter(s -> s.room().equals(room) && s.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this home has no " + kind.name().toLowerCase(Locale.ROOT)
                        + " in the " + room + "; it has " + sensors));
    }

    private ActivityWatch watch() {
        if (watch == null) {
            watch = new ActivityWatch(params, new AlertSink() {
                @Override
                public void raise(AlertRequest request) {
                    raised.add(new Raised(scheduler.now(), Objects.requireNonNull(request)));
                }

                @Override
                public boolean cancelPreAlarm(String how) {
                    return false;
                }
            }, scheduler, store);
        }
        return watch;
    }
}
