package org.hearth.sensors.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class DebouncerTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    private final List<String> changes = new ArrayList<>();
    private final Debouncer debouncer = new Debouncer(time, Duration.ofMillis(50), false,
            active -> changes.add((active ? "on@" : "off@") + time.now().toEpochMilli() % 100_000));

    @Test
    void a_bouncing_reed_switch_becomes_one_event_reported_at_the_first_edge() {
        // Ten edges within 9 ms, ending closed (active), as a cheap reed switch does.
        for (int i = 0; i < 10; i++) {
            debouncer.onLevel(i % 2 == 0);
            time.advanceBy(Duration.ofMillis(1));
        }
        debouncer.onLevel(true);
        time.advanceBy(Duration.ofSeconds(1));

        assertThat(changes).containsExactly("on@0");
    }

    @Test
    void a_short_genuine_pulse_is_reported_on_and_then_off_when_the_window_ends() {
        debouncer.onLevel(true);
        time.advanceBy(Duration.ofMillis(10));
        debouncer.onLevel(false);
        time.advanceBy(Duration.ofSeconds(1));

        assertThat(changes).containsExactly("on@0", "off@50");
    }

    @Test
    void separate_presses_each_report() {
        debouncer.onLevel(true);
        time.advanceBy(Duration.ofMillis(200));
        debouncer.onLevel(false);
        time.advanceBy(Duration.ofMillis(200));
        debouncer.onLevel(true);
        time.advanceBy(Duration.ofMillis(200));

        assertThat(changes).containsExactly("on@0", "off@200", "on@400");
    }

    @Test
    void bounce_that_returns_to_the_reported_level_reports_nothing_more() {
        debouncer.onLevel(true);
        debouncer.onLevel(false);
        debouncer.onLevel(true);
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(changes).containsExactly("on@0");
    }
}
