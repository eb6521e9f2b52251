package org.hearth.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class VirtualSchedulerTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T07:00:00Z");
    private final VirtualScheduler time = new VirtualScheduler(MONDAY, ZoneOffset.UTC);
    private final List<String> ran = new ArrayList<>();

    @Test
    void runs_tasks_in_due_order_with_the_clock_at_each_due_time() {
        time.schedule(Duration.ofMinutes(30), () -> ran.add("b@" + time.now()));
        time.schedule(Duration.ofMinutes(10), () -> ran.add("a@" + time.now()));

        time.advanceBy(Duration.ofHours(1));

        assertThat(ran).containsExactly("a@2026-11-23T07:10:00Z", "b@2026-11-23T07:30:00Z");
        assertThat(time.now()).isEqualTo(MONDAY.plus(Duration.ofHours(1)));
    }

    @Test
    void ties_run_in_the_order_they_were_scheduled() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            time.schedule(Duration.ofSeconds(1), () -> ran.add("t" + n));
        }
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(ran).containsExactly("t0", "t1", "t2", "t3", "t4");
    }

    @Test
    void tasks_scheduled_by_tasks_run_within_the_same_advance_when_due() {
        time.schedule(Duration.ofMinutes(1), () -> time.schedule(Duration.ofMinutes(1), () -> ran.add("second")));
        time.advanceBy(Duration.ofMinutes(2));
        assertThat(ran).containsExactly("second");
    }

    @Test
    void cancelled_tasks_never_run_and_future_tasks_wait() {
        Scheduler.Cancellable c = time.schedule(Duration.ofMinutes(1), () -> ran.add("cancelled"));
        time.schedule(Duration.ofDays(8), () -> ran.add("next week"));
        c.cancel();

        time.advanceBy(Duration.ofDays(7));

        assertThat(ran).isEmpty();
        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void a_zoned_view_of_the_clock_follows_virtual_time() {
        var london = time.clock().withZone(java.time.ZoneId.of("Europe/London"));
        time.advanceBy(Duration.ofHours(3));
        assertThat(london.instant()).isEqualTo(MONDAY.plus(Duration.ofHours(3)));
    }

    @Test
    void time_never_goes_back() {
        time.advanceBy(Duration.ofHours(1));
        assertThatThrownBy(() -> time.advanceTo(MONDAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_jump_of_the_wall_clock_moves_now_but_not_the_timers() {
        List<ClockJump> jumps = new ArrayList<>();
        time.onClockJump(jumps::add);
        time.schedule(Duration.ofMinutes(10), () -> ran.add("timer@" + time.now()));

        time.advanceBy(Duration.ofMinutes(1));
        time.jumpWallClock(Duration.ofDays(2));

        assertThat(jumps).containsExactly(new ClockJump(MONDAY.plusSeconds(60), MONDAY.plusSeconds(60).plus(Duration.ofDays(2))));
        assertThat(jumps.get(0).by()).isEqualTo(Duration.ofDays(2));
        assertThat(time.now()).isEqualTo(MONDAY.plus(Duration.ofDays(2)).plusSeconds(60));
        time.advanceBy(Duration.ofMinutes(9));
        assertThat(ran).as("ten minutes after it was set, by the new wall clock").containsExactly("timer@2026-11-25T07:10:00Z");
    }

    @Test
    void a_jump_backwards_lets_advance_to_take_wall_clock_instants_that_were_passed_before() {
        time.schedule(Duration.ofMinutes(30), () -> ran.add("timer@" + time.now()));
        time.advanceBy(Duration.ofMinutes(20));
        time.jumpWallClock(Duration.ofHours(-1));

        time.advanceTo(MONDAY.minus(Duration.ofMinutes(35)));

        assertThat(ran).as("the timer's thirty minutes are the monotonic clock's").isEmpty();
        time.advanceBy(Duration.ofMinutes(5));
        assertThat(ran).containsExactly("timer@2026-11-23T06:30:00Z");
        assertThatThrownBy(() -> time.advanceTo(MONDAY.minus(Duration.ofHours(1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
