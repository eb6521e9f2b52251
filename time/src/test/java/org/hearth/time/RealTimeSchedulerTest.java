package org.hearth.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class RealTimeSchedulerTest {

    @Test
    void an_accelerated_clock_runs_home_time_faster_and_fires_timers_early() throws Exception {
        Instant start = Instant.parse("2026-11-23T07:00:00Z");
        try (RealTimeScheduler s = RealTimeScheduler.accelerated("t", start, ZoneOffset.UTC, 600)) {
            CountDownLatch fired = new CountDownLatch(1);
            AtomicReference<Instant> at = new AtomicReference<>();
            // Ten minutes of home time is one real second at 600x.
            s.schedule(Duration.ofMinutes(10), () -> {
                at.set(s.now());
                fired.countDown();
            });
            assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(at.get()).isAfterOrEqualTo(start.plus(Duration.ofMinutes(10)));
        }
    }

    @Test
    void a_failing_task_does_not_stop_the_loop() throws Exception {
        try (RealTimeScheduler s = RealTimeScheduler.create("t", ZoneOffset.UTC)) {
            CountDownLatch after = new CountDownLatch(1);
            s.execute(() -> {
                throw new IllegalStateException("bug in a task");
            });
            s.execute(after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void after_close_later_timers_never_run_and_new_tasks_are_dropped_quietly() throws Exception {
        CountDownLatch late = new CountDownLatch(1);
        RealTimeScheduler s = RealTimeScheduler.create("t", ZoneOffset.UTC);
        s.schedule(Duration.ofMillis(300), late::countDown);
        s.close();
        s.execute(late::countDown);
        s.schedule(Duration.ZERO, late::countDown).cancel();
        assertThat(late.await(1, TimeUnit.SECONDS)).isFalse();
    }
}
