package org.hearth.sensors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** "Pendant not worn" in virtual time: a day of a home, minute by minute. */
@Tag("small")
class NotWornWatchTest {

    private static final Instant MONDAY_8AM = Instant.parse("2026-03-02T08:00:00Z");
    private static final AccelSample FLAT = new AccelSample(0, 0.01, -0.02, 0.99);

    private final VirtualScheduler time = new VirtualScheduler(MONDAY_8AM, ZoneOffset.UTC);
    private final List<HealthEvent> health = new ArrayList<>();
    private final HealthSupervisor supervisor = new HealthSupervisor(time, health::add);
    private final PendantSpec pendant = PendantSpec.thingy52("pendant", "worn pendant", "C0:FF:EE:00:00:01");
    private final NotWornWatch watch = new NotWornWatch(time, supervisor, List.of(pendant), LocalTime.of(22, 0), LocalTime.of(7, 0));
    private int minute;

    NotWornWatchTest() {
        supervisor.watch(SupervisedSensor.pendant(pendant));
        watch.start();
    }

    /** One minute of the pendant sending {@code sample}, the home's PIR firing every 10 minutes if {@code homeActive}. */
    private void minutes(int n, AccelSample sample, boolean homeActive) {
        for (int i = 0; i < n; i++, minute++) {
            time.advanceBy(Duration.ofMinutes(1));
            watch.onAccel("pendant", List.of(sample));
            if (homeActive && minute % 10 == 0) {
                watch.onEvent(new SensorEvent("pir-kitchen", "kitchen", SensorKind.PIR, true, time.now()));
            }
        }
    }

    private void until(String hhmm, AccelSample sample, boolean homeActive) {
        Instant target = time.now().atZone(ZoneOffset.UTC).with(LocalTime.parse(hhmm)).toInstant();
        if (!target.isAfter(time.now())) {
            target = target.plus(Duration.ofDays(1));
        }
        minutes((int) Duration.between(time.now(), target).toMinutes(), sample, homeActive);
    }

    private HealthStatus status() {
        return supervisor.health("pendant").orElseThrow().status();
    }

    @Test
    void a_pendant_left_on_the_table_while_the_resident_is_up_and_about_is_not_worn_and_moving_it_clears_that() {
        until("10:58", FLAT, true);
        assertThat(status()).isEqualTo(HealthStatus.ONLINE);

        until("11:01", FLAT, true);

        assertThat(status()).isEqualTo(HealthStatus.SUSPECT);
        assertThat(supervisor.health("pendant").orElseThrow().reason())
                .isEqualTo("not worn: it has not moved for 3h while the home was active; is the resident wearing it?");

        supervisor.reportWarning("pendant", SensorWarning.BATTERY_LOW, null); // a battery report does not clear it
        assertThat(status()).isEqualTo(HealthStatus.SUSPECT);

        minutes(1, new AccelSample(0, 0.3, 0.1, 0.9), true); // picked up and put on

        assertThat(status()).isEqualTo(HealthStatus.ONLINE);
        assertThat(health).extracting(HealthEvent::current).containsExactly(HealthStatus.SUSPECT, HealthStatus.ONLINE);
    }

    @Test
    void a_pendant_still_while_nothing_else_in_the_home_moves_is_a_resident_dozing_with_it_on_and_raises_nothing() {
        until("16:00", FLAT, false);

        assertThat(status()).isEqualTo(HealthStatus.ONLINE);
        assertThat(health).isEmpty();
    }

    @Test
    void a_worn_pendant_that_stays_inside_the_still_band_for_a_while_but_shifts_now_and_then_raises_nothing() {
        for (int half = 0; half < 16; half++) { // 08:00 to 16:00, a shift in the chair every half hour
            minutes(29, new AccelSample(0, 0.02 * (half % 2), 0, 1), true); // breathing: well inside the band
            minutes(1, new AccelSample(0, 0.2 * (half % 2), 0.1, 0.95), true);
        }

        assertThat(health).isEmpty();
    }

    @Test
    void the_night_does_not_count_and_no_warning_is_raised_in_it() {
        for (int i = 0; i < 13 * 6; i++) { // worn all day, till 21:00: it shifts every 10 minutes
            minutes(10, new AccelSample(0, 0.1 * (i % 2), 0, 1), true);
        }
        minutes(1, FLAT, true); // 21:01, taken off and laid on the bedside table

        // Up at night to the bathroom: the home moves, but the night is not counted.
        until("03:00", FLAT, false);
        minutes(20, FLAT, true);
        until("07:00", FLAT, false);
        assertThat(health).isEmpty();

        // Morning: 59 min of evening and 2 h of morning are still under 3 h of daytime.
        until("08:59", FLAT, true);
        assertThat(health).isEmpty();

        until("09:02", FLAT, true);
        assertThat(status()).isEqualTo(HealthStatus.SUSPECT);
    }

    @Test
    void a_radar_that_sees_someone_move_is_home_activity_but_one_that_sees_someone_still_is_not() {
        until("11:30", FLAT, false);
        watch.onPresence(new PresenceEvent("radar", "lounge", Presence.STILL, time.now()));
        minutes(2, FLAT, false);
        assertThat(health).isEmpty();

        watch.onPresence(new PresenceEvent("radar", "lounge", Presence.MOVING, time.now()));
        minutes(2, FLAT, false);

        assertThat(status()).isEqualTo(HealthStatus.SUSPECT);
    }

    @Test
    void a_pendant_that_stops_sending_is_not_judged_and_its_spell_starts_again_when_it_is_back() {
        until("09:00", FLAT, true);
        time.advanceBy(Duration.ofHours(2)); // out of range: no samples
        until("13:59", FLAT, true);
        assertThat(health).isEmpty();

        until("14:02", FLAT, true); // 3 h still, counted from when it was back at 11:00

        assertThat(status()).isEqualTo(HealthStatus.SUSPECT);
    }

    @Test
    void daytime_is_the_span_less_the_residents_nights() {
        Instant evening = Instant.parse("2026-03-02T20:00:00Z");

        assertThat(watch.daytime(evening, evening.plus(Duration.ofHours(14)))).isEqualTo(Duration.ofHours(5));
        assertThat(watch.daytime(evening, evening.plus(Duration.ofDays(2)))).isEqualTo(Duration.ofHours(30));
        assertThat(watch.isNight(Instant.parse("2026-03-02T06:59:00Z"))).isTrue();
        assertThat(watch.isNight(Instant.parse("2026-03-02T07:00:00Z"))).isFalse();
    }
}
