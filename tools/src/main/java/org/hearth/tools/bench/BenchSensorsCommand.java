package org.hearth.tools.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth bench sensors}: edge-to-event latency through Pi4J's mock provider, debounce and a
 * real event loop, and the CPU cost of the 200 Hz accelerometer pipeline against an idle baseline;
 * with {@code --ble}, a BLE pendant's 50 Hz stream too.
 */
@Command(name = "sensors", mixinStandardHelpOptions = true,
        description = "Measure the sensors: edge to event latency, and the accelerometer pipeline's CPU cost.")
final class BenchSensorsCommand implements Callable<Integer> {

    /** dbus-java's path is cold for longer than the other phases: at 50 messages a second the JIT takes its time. */
    static final Duration BLE_WARMUP = Duration.ofSeconds(30);

    @Option(names = "--edges", defaultValue = "5000", description = "Edges to time (default: ${DEFAULT-VALUE}).")
    int edges;

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds of CPU measurement per phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--ble", description = "Also measure a BLE pendant's 50 Hz stream through the BlueZ stand-in "
            + "(needs dbus-daemon and python3-dbusmock).")
    boolean ble;

    @Override
    public Integer call() throws Exception {
        SensorsBench.Settings standard = SensorsBench.Settings.standard();
        System.out.println(SensorsBench.run(new SensorsBench.Settings(standard.warmupEdges(), edges, standard.cpuWarmup(),
                Duration.ofSeconds(seconds))).summary());
        if (ble) {
            System.out.println(BleBench.run(BLE_WARMUP, Duration.ofSeconds(seconds)).summary());
        }
        return 0;
    }
}
