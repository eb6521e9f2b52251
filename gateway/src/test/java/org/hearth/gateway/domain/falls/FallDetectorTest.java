package org.hearth.gateway.domain.falls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.sim.WornTrace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("small")
class FallDetectorTest {

    private static final double[] SITTING_BACK = WornTrace.SITTING_BACK;

    @ParameterizedTest(name = "at {0} Hz")
    @ValueSource(doubles = {50, 100, 200})
    void a_fall_from_walking_onto_the_back_is_found_at_any_rate(double rateHz) {
        List<AccelSample> trace = WornTrace.at(rateHz, 1).fallFromWalking().samples();

        List<Fall> falls = run(trace);

        assertThat(falls).hasSize(1);
        Fall fall = falls.get(0);
        assertThat(fall.peakG()).isGreaterThan(2.5);
        assertThat(fall.deltaV()).isGreaterThan(1.0);
        assertThat(fall.postureChangeDeg()).isBetween(80.0, 100.0);
        // Found once the person has lain still for a second: 2 to 4.5 s after the impact.
        assertThat(fall.detectedMicros() - fall.impactMicros()).isBetween(2_000_000L, 4_500_000L);
    }

    @Test
    void the_impact_is_timed_at_its_start() {
        WornTrace trace = WornTrace.at(200, 2).still(WornTrace.UPRIGHT, 3).walk(3, 0.3).fallFreely(0.4, 0.3).turn(WornTrace.ON_BACK, 0.1);
        long impactStart = trace.nowMicros();
        trace.impact(3.0, 0.15).still(WornTrace.ON_BACK, 6);

        List<Fall> falls = run(trace.samples());

        assertThat(falls).singleElement().satisfies(f ->
                assertThat(f.impactMicros()).isBetween(impactStart, impactStart + 50_000));
    }

    @Test
    void sitting_down_hard_into_a_chair_is_not_a_fall() {
        List<AccelSample> trace = WornTrace.at(200, 3).sitDownHard().samples();

        assertThat(run(trace)).isEmpty();
    }

    @Test
    void a_jump_that_lands_on_the_feet_is_not_a_fall() {
        List<AccelSample> trace = WornTrace.at(200, 4).still(WornTrace.UPRIGHT, 3).impact(2.0, 0.25)
                .fallFreely(0.3, 0.0).impact(4.0, 0.1).still(WornTrace.UPRIGHT, 8).samples();

        assertThat(run(trace)).isEmpty();
    }

    @Test
    void a_stumble_that_walks_on_is_not_a_fall() {
        List<AccelSample> trace = WornTrace.at(200, 5).still(WornTrace.UPRIGHT, 2).walk(4, 0.3)
                .impact(3.0, 0.12).walk(8, 0.35).samples();

        assertThat(run(trace)).isEmpty();
    }

    @Test
    void lying_down_on_a_bed_is_not_a_fall_though_the_posture_turns_90_degrees() {
        List<AccelSample> trace = WornTrace.at(200, 6).still(SITTING_BACK, 3).turn(WornTrace.ON_BACK, 1.5)
                .impact(1.6, 0.2).still(WornTrace.ON_BACK, 8).samples();

        assertThat(run(trace)).isEmpty();
    }

    @Test
    void a_knock_on_the_sensor_while_lying_down_is_not_an_impact() {
        List<AccelSample> trace = WornTrace.at(200, 7).still(SITTING_BACK, 3).turn(WornTrace.ON_BACK, 1.0)
                .still(WornTrace.ON_BACK, 0.5).knock(3.0).still(WornTrace.ON_BACK, 8).samples();

        assertThat(run(trace)).isEmpty();
    }

    @Test
    void a_fall_after_which_the_person_gets_up_and_walks_on_is_not_reported() {
        WornTrace trace = WornTrace.at(200, 8).still(WornTrace.UPRIGHT, 3).walk(3, 0.3).fallFreely(0.4, 0.3)
                .turn(WornTrace.ON_FRONT, 0.1).impact(3.0, 0.15).walk(1.0, 0.4).turn(WornTrace.UPRIGHT, 0.5).walk(8, 0.3);

        assertThat(run(trace.samples())).isEmpty();
    }

    @Test
    void moving_about_on_the_floor_after_a_hard_landing_and_getting_up_is_not_reported() {
        // Without the stillness stage this would be a fall: a hard impact, then 90° from upright.
        WornTrace trace = WornTrace.at(200, 18).still(WornTrace.UPRIGHT, 3).walk(2, 0.3).fallFreely(0.3, 0.4)
                .turn(WornTrace.ON_BACK, 0.1).impact(2.8, 0.15).walk(5, 0.3).turn(WornTrace.UPRIGHT, 1.0).walk(5, 0.3);

        assertThat(run(trace.samples())).isEmpty();
    }

    @Test
    void a_slow_faint_from_a_chair_is_measured_against_the_posture_before_the_tipping_began() {
        // The trunk tips forward for three seconds before it lands: the last second before the
        // impact is already far from upright, so only a reference further back shows the full turn.
        List<AccelSample> trace = WornTrace.at(200, 9).still(WornTrace.UPRIGHT, 4).turn(WornTrace.ON_FRONT, 3.0)
                .fallFreely(0.2, 0.6).impact(2.0, 0.3).still(WornTrace.ON_FRONT, 6).samples();

        assertThat(run(trace)).singleElement().satisfies(f -> assertThat(f.postureChangeDeg()).isGreaterThan(80));
    }

    @Test
    void rolling_onto_a_side_the_sensor_reads_high_on_is_not_counted_as_impact() {
        // Cheap accelerometers read 0.85-1.17 g at rest depending on which axis points down.
        // Counted against a nominal 1 g, the side's extra 0.15 g over the impact's second would
        // alone give 1.5 m/s; counted against the sensor's own resting level it gives nothing.
        List<AccelSample> trace = WornTrace.at(200, 10).readingGravityAs(0.88).still(WornTrace.ON_BACK, 5)
                .turn(WornTrace.ON_SIDE, 0.8).readingGravityAs(1.15).impact(1.4, 0.3).still(WornTrace.ON_SIDE, 8).samples();

        assertThat(run(trace)).isEmpty();
    }

    @Test
    void a_real_fall_is_still_found_on_a_sensor_that_reads_high_at_rest() {
        List<AccelSample> trace = WornTrace.at(200, 11).readingGravityAs(1.1).still(WornTrace.UPRIGHT, 3).walk(3, 0.3)
                .fallFreely(0.4, 0.3).turn(WornTrace.ON_SIDE, 0.1).readingGravityAs(1.15).impact(3.0, 0.15)
                .still(WornTrace.ON_SIDE, 6).samples();

        assertThat(run(trace)).hasSize(1);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void how_the_sensor_is_clipped_on_does_not_matter(long seed) {
        double[] rotation = WornTrace.randomRotation(new Random(seed));

        List<AccelSample> fall = WornTrace.tilted(100, seed, rotation).fallFromWalking().samples();
        List<AccelSample> sitDown = WornTrace.tilted(100, seed, rotation).sitDownHard().samples();

        assertThat(run(fall)).hasSize(1);
        assertThat(run(sitDown)).isEmpty();
    }

    @Test
    void a_fall_is_found_even_when_the_person_rolls_over_soon_after_landing() {
        // The roll onto a side that reads 1.15 g looks like a second hard impact until the
        // resting level after it is known; it must not take the landing's place.
        List<AccelSample> trace = WornTrace.at(200, 30).readingGravityAs(0.9).still(WornTrace.UPRIGHT, 3).walk(3, 0.3)
                .fallFreely(0.4, 0.3).turn(WornTrace.ON_BACK, 0.1).impact(3.0, 0.15).still(WornTrace.ON_BACK, 1.5)
                .turn(WornTrace.ON_SIDE, 0.5).readingGravityAs(1.15).impact(1.5, 0.3).still(WornTrace.ON_SIDE, 6).samples();

        assertThat(run(trace)).singleElement().satisfies(f -> assertThat(f.peakG()).isGreaterThan(2.5));
    }

    @Test
    void another_impact_within_a_minute_belongs_to_the_same_fall() {
        // Trying to get up and falling back: the pre-alarm is already asking.
        WornTrace trace = WornTrace.at(200, 12).fallFromWalking().still(WornTrace.ON_BACK, 20)
                .impact(2.5, 0.15).still(WornTrace.ON_FRONT, 10);

        assertThat(run(trace.samples())).hasSize(1);
    }

    @Test
    void a_second_fall_a_minute_later_is_found_again() {
        WornTrace trace = WornTrace.at(200, 13).fallFromWalking().still(WornTrace.ON_BACK, 60).turn(WornTrace.UPRIGHT, 1.0);
        trace.fallFromWalking();

        List<Fall> falls = run(trace.samples());

        assertThat(falls).hasSize(2);
        assertThat(falls.get(1).impactMicros() - falls.get(0).impactMicros()).isGreaterThan(60_000_000L);
    }

    @Test
    void a_long_gap_after_the_impact_breaks_the_chain_of_stages() {
        List<AccelSample> beforeGap = WornTrace.at(200, 14).still(WornTrace.UPRIGHT, 3).walk(3, 0.3).fallFreely(0.4, 0.3)
                .turn(WornTrace.ON_BACK, 0.1).impact(3.0, 0.15).samples();
        long resume = beforeGap.get(beforeGap.size() - 1).epochMicros() + 5_000_000;
        List<AccelSample> afterGap = WornTrace.at(200, 15).startingAt(resume).still(WornTrace.ON_BACK, 6).samples();
        List<AccelSample> trace = new ArrayList<>(beforeGap);
        trace.addAll(afterGap);

        assertThat(run(trace)).isEmpty();
    }

    @Test
    void samples_that_repeat_or_go_back_in_time_are_ignored() {
        List<AccelSample> clean = WornTrace.at(100, 16).fallFromWalking().samples();
        List<AccelSample> messy = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            AccelSample s = clean.get(i);
            messy.add(s);
            if (i % 10 == 0) {
                messy.add(new AccelSample(s.epochMicros(), 5, 5, 5)); // a duplicate timestamp
                messy.add(new AccelSample(s.epochMicros() - 3_000, -5, 5, -5)); // out of order
            }
        }

        assertThat(run(messy)).hasSize(1);
    }

    @Test
    void a_sensor_clock_that_jumps_back_starts_afresh_instead_of_going_silent() {
        List<AccelSample> trace = new ArrayList<>(WornTrace.at(100, 19).still(WornTrace.UPRIGHT, 5).samples());
        long reset = trace.get(0).epochMicros() - 3_600_000_000L; // an hour back
        trace.addAll(WornTrace.at(100, 20).startingAt(reset).fallFromWalking().samples());

        assertThat(run(trace)).hasSize(1);
    }

    @Test
    void a_quiet_day_of_standing_sitting_and_walking_finds_nothing() {
        WornTrace trace = WornTrace.at(50, 17);
        Random random = new Random(17);
        for (int i = 0; i < 60; i++) {
            switch (random.nextInt(3)) {
                case 0 -> trace.walk(5 + random.nextInt(20), 0.2 + random.nextDouble() * 0.3);
                case 1 -> trace.still(WornTrace.UPRIGHT, 2 + random.nextInt(10));
                default -> trace.fallFreely(0.3, 0.6).turn(SITTING_BACK, 0.3).impact(1.8, 0.2)
                        .still(SITTING_BACK, 5 + random.nextInt(30)).turn(WornTrace.UPRIGHT, 0.8);
            }
        }

        assertThat(run(trace.samples())).isEmpty();
    }

    /** Leaning 55° forward, as on the way down into a low chair. */
    private static final double[] LEANING_FORWARD = {0, -Math.cos(Math.toRadians(55)), -Math.sin(Math.toRadians(55))};
    /** Sitting up straight, 10° back. */
    private static final double[] SITTING_UP = {0, -Math.cos(Math.toRadians(10)), Math.sin(Math.toRadians(10))};

    /** Eight seconds of walking: how the detector learns which way is up for its wearer. */
    private static WornTrace afterAWalk(WornTrace trace) {
        return trace.still(WornTrace.UPRIGHT, 2).walk(8, 0.3);
    }

    /** Lying on the back, then rolling onto the side with a short drop and a hard bump onto the mattress. */
    private static WornTrace rollOntoTheSide(WornTrace trace) {
        return trace.turn(WornTrace.ON_BACK, 1.5).still(WornTrace.ON_BACK, 8).fallFreely(0.2, 0.5).turn(WornTrace.ON_SIDE, 0.3)
                .impact(2.8, 0.15).still(WornTrace.ON_SIDE, 8);
    }

    /** Leaning forward on the way down, dropping onto a low chair (3 g), then sitting up straight. */
    private static WornTrace quickSitOnALowChair(WornTrace trace) {
        return trace.turn(LEANING_FORWARD, 0.6).still(LEANING_FORWARD, 0.6).fallFreely(0.3, 0.4).turn(SITTING_UP, 0.1)
                .impact(3.0, 0.15).still(SITTING_UP, 8);
    }

    @Test
    void walking_teaches_the_detector_which_way_is_up_and_lying_or_rolling_does_not() {
        FallDetector walked = new FallDetector();
        feed(walked, afterAWalk(WornTrace.at(100, 40)).samples());
        FallDetector lying = new FallDetector();
        feed(lying, rollOntoTheSide(WornTrace.at(100, 41).still(WornTrace.SITTING_BACK, 2)).samples());

        assertThat(walked.knowsUpright()).isTrue();
        assertThat(lying.knowsUpright()).isFalse();
    }

    @Test
    void rolling_onto_the_side_with_a_hard_bump_is_a_fall_only_to_a_detector_that_has_not_seen_its_wearer_walk() {
        // A hard bump after a drop, lying still 90° from before: every stage but "upright before" passes.
        List<AccelSample> cold = rollOntoTheSide(WornTrace.at(200, 42).still(WornTrace.SITTING_BACK, 2)).samples();
        List<AccelSample> worn = rollOntoTheSide(afterAWalk(WornTrace.at(200, 42))).samples();

        assertThat(run(cold)).hasSize(1);
        assertThat(run(worn)).isEmpty();
    }

    @Test
    void a_quick_sit_on_a_low_chair_that_ends_sitting_up_is_not_a_fall() {
        // From the forward lean to sitting up is 65° of turn with a 3 g impact: the old stages alone raised it.
        List<AccelSample> cold = quickSitOnALowChair(WornTrace.at(200, 43).still(WornTrace.UPRIGHT, 8)).samples();
        List<AccelSample> worn = quickSitOnALowChair(afterAWalk(WornTrace.at(200, 43))).samples();

        assertThat(run(cold)).hasSize(1);
        assertThat(run(worn)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {44, 45, 46})
    void after_a_walk_a_fall_with_free_fall_and_impact_is_found_and_a_roll_is_not_however_the_sensor_is_clipped(long seed) {
        double[] rotation = WornTrace.randomRotation(new Random(seed));
        List<AccelSample> fall = afterAWalk(WornTrace.tilted(100, seed, rotation)).fallFreely(0.4, 0.3)
                .turn(WornTrace.ON_BACK, 0.1).impact(3.0, 0.15).still(WornTrace.ON_BACK, 6).samples();
        List<AccelSample> roll = rollOntoTheSide(afterAWalk(WornTrace.tilted(100, seed, rotation))).samples();

        assertThat(run(fall)).singleElement().satisfies(f -> assertThat(f.postureChangeDeg()).isGreaterThan(80));
        assertThat(run(roll)).isEmpty();
    }

    @Test
    void taking_the_sensor_off_for_more_than_ten_minutes_forgets_upright_but_a_short_gap_does_not() {
        List<AccelSample> walk = afterAWalk(WornTrace.at(100, 47)).samples();
        long end = walk.get(walk.size() - 1).epochMicros();
        FallDetector shortGap = new FallDetector();
        feed(shortGap, walk);
        feed(shortGap, WornTrace.at(100, 48).startingAt(end + 60_000_000L).still(WornTrace.UPRIGHT, 1).samples());
        FallDetector offToCharge = new FallDetector();
        feed(offToCharge, walk);
        feed(offToCharge, WornTrace.at(100, 48).startingAt(end + 11 * 60_000_000L).still(WornTrace.UPRIGHT, 1).samples());

        assertThat(shortGap.knowsUpright()).isTrue();
        assertThat(offToCharge.knowsUpright()).isFalse();
    }

    @Test
    void settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> new FallDetector.Settings(0, 60, 60, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FallDetector.Settings(1, 60, 60, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FallDetector.Settings.DEFAULT.minTiltAfterDeg()).isEqualTo(FallDetector.MIN_TILT_AFTER_DEG);
    }

    private static void feed(FallDetector detector, List<AccelSample> samples) {
        for (AccelSample s : samples) {
            detector.accept(s.epochMicros(), s.x(), s.y(), s.z());
        }
    }

    private static List<Fall> run(List<AccelSample> samples) {
        FallDetector detector = new FallDetector();
        List<Fall> falls = new ArrayList<>();
        for (AccelSample s : samples) {
            if (detector.accept(s.epochMicros(), s.x(), s.y(), s.z())) {
                falls.add(detector.lastFall());
            }
        }
        return falls;
    }
}
