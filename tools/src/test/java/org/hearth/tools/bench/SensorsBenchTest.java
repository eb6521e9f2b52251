package org.hearth.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code hearth bench sensors} at the command's own settings, with bounds a working pipeline meets
 * on any machine and a broken or runaway one does not. Wall-clock measurements: tag {@code bench},
 * run by {@code ./run-benches}, which prints the summary lines (docs/performance.md).
 */
@Tag("bench")
class SensorsBenchTest {

    @Test
    void edges_reach_the_loop_in_milliseconds_and_the_200_hz_stream_costs_a_fraction_of_a_core() throws Exception {
        SensorsBench.Settings settings = SensorsBench.Settings.standard();
        SensorsBench.Result result = SensorsBench.run(settings);
        System.out.println(result.summary());

        assertThat(result.edges()).isEqualTo(settings.edges());
        assertThat(result.edgeP50Micros()).isPositive();
        assertThat(result.edgeP99Micros()).isGreaterThanOrEqualTo(result.edgeP50Micros())
                .as("p99 edge to event, µs: well inside the 20-50 ms debounce a sensor is given").isLessThanOrEqualTo(20_000);
        // 200 samples a second, give or take a 20-sample batch at each end.
        double expected = 200 * result.seconds();
        assertThat((double) result.samples()).isBetween(expected * 0.9, expected * 1.1);
        assertThat(result.netCpuPercent()).as("the pipeline's CPU, %% of one core, over the idle baseline").isLessThanOrEqualTo(25.0);
    }

    @Test
    void a_ble_pendants_50_hz_stream_through_the_stand_in_costs_a_fraction_of_a_core() throws Exception {
        Duration period = Duration.ofSeconds(10);
        BleBench.Result result = BleBench.run(BenchSensorsCommand.BLE_WARMUP, period);
        System.out.println(result.summary());

        assertThat(result.samples()).as("50 a second for 10 s").isBetween(450L, 550L);
        assertThat(result.streamingCpuPercent()).isPositive()
                .as("%% of one core, JIT and GC included (measured 4 %% warm)").isLessThanOrEqualTo(50.0);
    }
}
