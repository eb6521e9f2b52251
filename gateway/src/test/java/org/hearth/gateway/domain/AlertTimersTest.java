package org.hearth.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One timer per alert, in virtual time. */
@Tag("small")
class AlertTimersTest {

    private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final AlertTimers timers = new AlertTimers(scheduler);
    private final List<String> ran = new ArrayList<>();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void arming_again_replaces_the_alerts_timer_and_leaves_other_alerts_alone() {
        timers.arm(a, Duration.ofSeconds(30), () -> ran.add("a: pre-alarm"));
        timers.arm(b, Duration.ofSeconds(60), () -> ran.add("b: escalate"));
        timers.arm(a, Duration.ofMinutes(10), () -> ran.add("a: escalate"));

        scheduler.advanceBy(Duration.ofMinutes(20));

        assertThat(ran).containsExactly("b: escalate", "a: escalate");
    }

    @Test
    void a_disarmed_timer_never_runs_and_disarming_none_is_harmless() {
        timers.arm(a, Duration.ofSeconds(30), () -> ran.add("a"));
        timers.disarm(a);
        timers.disarm(b);

        scheduler.advanceBy(Duration.ofMinutes(1));

        assertThat(ran).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void a_timer_armed_by_the_task_that_ran_is_the_one_disarm_cancels() {
        timers.arm(a, Duration.ofMinutes(10), () -> {
            ran.add("level 2");
            timers.arm(a, Duration.ofMinutes(10), () -> ran.add("level 3"));
        });

        scheduler.advanceBy(Duration.ofMinutes(10));
        timers.disarm(a);
        scheduler.advanceBy(Duration.ofMinutes(10));

        assertThat(ran).containsExactly("level 2");
    }
}
