package org.hearth.tools.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.ble.Pendants;
import org.hearth.sensors.ble.Thingy52Profile;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.sim.BluezStandIn;
import org.hearth.time.RealTimeScheduler;

/**
 * The CPU cost of one BLE pendant streaming at 50 Hz: the BlueZ stand-in (another process, not
 * counted) sends Thingy:52 raw data notifications, and this JVM's D-Bus connection, signal thread,
 * driver and health reports receive them. Measured as this process's CPU time over the period,
 * as a percentage of one core, against the same period with the pendant connected and silent.
 * Process CPU includes the JIT and GC, so the net figure is an upper bound. On a Pi, bluetoothd
 * and dbus-daemon also work for every notification; neither is measured here.
 */
public final class BleBench {

    /** What was measured. */
    public record Result(double streamingCpuPercent, double idleCpuPercent, long samples, double seconds) {

        public double netCpuPercent() {
            return streamingCpuPercent - idleCpuPercent;
        }

        public String summary() {
            return String.format(Locale.ROOT, "sensors: ble pendant 50 Hz stream cpu=%.3f%% of one core "
                            + "(connected and silent %.3f%%, net %.3f%%; %d samples in %.1f s; BlueZ stand-in, not bluetoothd)",
                    streamingCpuPercent, idleCpuPercent, netCpuPercent(), samples, seconds);
        }
    }

    private static final String ADDRESS = "C0:FF:EE:00:00:50";

    private BleBench() {
    }

    public static Result run(Duration warmup, Duration period) throws Exception {
        AtomicLong samples = new AtomicLong();
        try (BluezStandIn bluez = BluezStandIn.start();
             RealTimeScheduler thread = RealTimeScheduler.create("bench-ble", ZoneOffset.UTC);
             HealthSupervisor health = new HealthSupervisor(thread, change -> { });
             Pendants pendants = Pendants.onBus(bluez.address(), thread, health)) {
            BluezStandIn.Thingy thingy = bluez.addThingy(ADDRESS);
            pendants.add(PendantSpec.thingy52("bench-pendant", "bench", ADDRESS), new SensorListener() {
                @Override
                public void onEvent(SensorEvent event) {
                }

                @Override
                public void onAccel(String sensorId, List<AccelSample> batch) {
                    samples.addAndGet(batch.size());
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (samples.get() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pendant never streamed through the stand-in");
                }
                thingy.notifyRaw(List.of(Thingy52Profile.rawData(0, 0, 1)));
                LockSupport.parkNanos(100_000_000);
            }
            double idle = cpuPercent(period);
            thingy.streamRaw(walk(warmup.plus(period).plusSeconds(1)), Duration.ofMillis(20));
            LockSupport.parkNanos(warmup.toNanos());
            long before = samples.get();
            double streaming = cpuPercent(period);
            return new Result(streaming, idle, samples.get() - before, period.toMillis() / 1000.0);
        }
    }

    /** A wearer walking: 1 g upright with a 2 Hz sway, as 50 Hz raw data notifications. */
    private static List<byte[]> walk(Duration length) {
        int n = (int) (length.toMillis() / 20);
        List<byte[]> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double t = i / 50.0;
            values.add(Thingy52Profile.rawData(0.1 * Math.sin(2 * Math.PI * 2 * t), 0.05, 1 + 0.2 * Math.sin(2 * Math.PI * 2 * t)));
        }
        return values;
    }

    private static double cpuPercent(Duration period) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        LockSupport.parkNanos(period.toNanos());
        return 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - t0);
    }
}
