package org.hearth.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    @Test
    void the_loop_tells_of_a_wall_clock_set_under_it_before_the_next_task_and_ignores_slewing() throws Exception {
        Instant boot = Instant.parse("1970-01-01T00:00:30Z");
        SetClock wall = new SetClock(boot);
        AtomicLong nanos = new AtomicLong();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (RealTimeScheduler s = new RealTimeScheduler("t", wall, 1.0, nanos::get)) {
            s.onClockJump(j -> seen.add("jump " + j.by()));
            // A minute passes, and the wall clock runs a second fast: slewing, not a jump.
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            wall.set(boot.plusSeconds(61));
            run(s, () -> seen.add("task 1"));
            // NTP sets the clock to 2026 while a further minute passes.
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            Instant ntp = Instant.parse("2026-11-23T07:00:00Z");
            wall.set(ntp);
            run(s, () -> seen.add("task 2"));
        }
        assertThat(seen).containsExactly("task 1", "jump " + Duration.between(boot.plusSeconds(121), Instant.parse("2026-11-23T07:00:00Z")),
                "task 2");
    }

    private static void run(RealTimeScheduler s, Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        s.execute(() -> {
            task.run();
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /** A wall clock the test sets. */
    private static final class SetClock extends Clock {
        private volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
