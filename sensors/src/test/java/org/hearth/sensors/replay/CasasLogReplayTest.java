package org.hearth.sensors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class CasasLogReplayTest {

    private static final String LOG = """
            2021-03-01 07:00:00\tKitchenASink\tON\t
            2021-03-01 07:00:05\tKitchenASink\tOFF\t
            2021-03-01 09:00:00\tLivingRoomAArea\tON\t
            2021-03-01 09:00:03\tLivingRoomAArea\tOFF\t
            """;

    private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2021-03-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<String> seen = new ArrayList<>();

    @Test
    void events_arrive_at_their_own_time_and_timers_in_between_run_first() throws Exception {
        CasasLog log = new CasasLogReader(CasasLogFormat.CIL, ZoneOffset.UTC).read(new StringReader(LOG), "test");
        scheduler.schedule(Duration.ofHours(8), () -> seen.add("timer@" + scheduler.now()));

        new CasasLogReplay(scheduler, e -> seen.add(e.sensorId() + (e.active() ? " on@" : " off@") + e.at()))
                .play(log.events(), Instant.parse("2021-03-01T12:00:00Z"));

        assertThat(seen).containsExactly(
                "KitchenASink on@2021-03-01T07:00:00Z",
                "KitchenASink off@2021-03-01T07:00:05Z",
                "timer@2021-03-01T08:00:00Z",
                "LivingRoomAArea on@2021-03-01T09:00:00Z",
                "LivingRoomAArea off@2021-03-01T09:00:03Z");
        assertThat(scheduler.now()).isEqualTo(Instant.parse("2021-03-01T12:00:00Z"));
    }

    @Test
    void a_cut_drops_every_event_from_then_on_but_time_runs_on() throws Exception {
        CasasLog log = new CasasLogReader(CasasLogFormat.CIL, ZoneOffset.UTC).read(new StringReader(LOG), "test");

        new CasasLogReplay(scheduler, e -> seen.add(e.sensorId()))
                .play(log.events(), Instant.parse("2021-03-01T08:00:00Z"), Instant.parse("2021-03-01T20:00:00Z"));

        assertThat(seen).containsExactly("KitchenASink", "KitchenASink");
        assertThat(scheduler.now()).isEqualTo(Instant.parse("2021-03-01T20:00:00Z"));
    }
}
