package org.hearth.sensors.bench;

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
}
