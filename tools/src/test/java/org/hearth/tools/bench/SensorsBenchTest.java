package org.hearth.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end and measures something real; its figures are not asserted. */
@Tag("medium")
class SensorsBenchTest {

    @Test
    void a_short_run_measures_edges_and_a_200_hz_sample_stream() throws Exception {
        SensorsBench.Result result = SensorsBench.run(new SensorsBench.Settings(10, 50, Duration.ofMillis(300), Duration.ofMillis(1000)));

        assertThat(result.edges()).isEqualTo(50);
        assertThat(result.edgeP50Micros()).isPositive();
        assertThat(result.edgeP99Micros()).isGreaterThanOrEqualTo(result.edgeP50Micros());
        // About 200 samples arrive in one second, give or take a 20-sample batch at each end.
        assertThat(result.samples()).isBetween(140L, 260L);
        assertThat(result.pipelineCpuPercent()).isPositive();
        assertThat(result.summary()).startsWith("sensors: edge->event p50=").contains("accel 200 Hz pipeline cpu=");
    }

    @Test
    void a_short_run_measures_a_50_hz_ble_stream_through_the_stand_in() throws Exception {
        BleBench.Result result = BleBench.run(Duration.ofMillis(500), Duration.ofMillis(2000));

        // About 100 samples in two seconds, give or take the stand-in's timer at each end.
        assertThat(result.samples()).isBetween(80L, 120L);
        assertThat(result.streamingCpuPercent()).isPositive();
        assertThat(result.summary()).startsWith("sensors: ble pendant 50 Hz stream cpu=");
    }
}
