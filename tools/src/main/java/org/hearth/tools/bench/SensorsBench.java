package org.hearth.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.i2c.I2cBackend;
import org.hearth.sensors.i2c.I2cSensors;
import org.hearth.sensors.sim.Adxl345Emulator;
import org.hearth.sensors.sim.SimulatedI2cBus;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.Scheduler;

/**
 * Measures, in one run:
 * <ol>
 *   <li>Edge to event: a Pi4J mock input changes level on the bench thread; the time until the
 *       debounced {@link SensorEvent} reaches a listener on a real single-thread event loop
 *       ({@link RealTimeScheduler}), p50 and p99 over many edges, after a warm-up.</li>
 *   <li>Accelerometer CPU: the 200 Hz pipeline (emulated ADXL345, Pi4J, driver, sample batches to
 *       a listener, health reports) on its own scheduler thread; that thread's CPU time over a
 *       period, as a percentage of one core. The same-run baseline is an identical thread waking
 *       at the same poll cadence and doing nothing, so wake-up costs are not counted twice.</li>
 * </ol>
 * The emulated chip's own work runs on the pipeline thread and is included: on a Pi that work
 * is done by the chip, and the kernel's I2C transfers cost CPU instead. JIT and GC threads are not counted.
 */
public final class SensorsBench {

    /** How much to measure. */
    public record Settings(int warmupEdges, int edges, Duration cpuWarmup, Duration cpuPeriod) {

        public Settings {
            if (warmupEdges < 0 || edges < 1) {
                throw new IllegalArgumentException("need at least one measured edge");
            }
            if (cpuPeriod.isNegative() || cpuPeriod.isZero() || cpuWarmup.isNegative()) {
                throw new IllegalArgumentException("the CPU period must be positive");
            }
        }

        /** 2,000 warm-up and 5,000 measured edges; 3 s of warm-up and 10 s of measurement per CPU phase. */
        public static Settings standard() {
            return new Settings(2000, 5000, Duration.ofSeconds(3), Duration.ofSeconds(10));
        }
    }

    /** What was measured. */
    public record Result(int edges, double edgeP50Micros, double edgeP99Micros, double edgeMaxMicros,
                         double pipelineCpuPercent, double baselineCpuPercent, long samples, double seconds) {

        public double netCpuPercent() {
            return pipelineCpuPercent - baselineCpuPercent;
        }

        /** One line for {@code hearth bench sensors}. */
        public String summary() {
            return String.format(Locale.ROOT,
                    "sensors: edge->event p50=%.3f ms p99=%.3f ms max=%.3f ms (n=%d); "
                            + "accel 200 Hz pipeline cpu=%.3f%% of one core (baseline %.3f%%, net %.3f%%; %d samples in %.1f s)",
                    edgeP50Micros / 1000, edgeP99Micros / 1000, edgeMaxMicros / 1000, edges,
                    pipelineCpuPercent, baselineCpuPercent, netCpuPercent(), samples, seconds);
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private SensorsBench() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.standard();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--edges" -> settings = new Settings(settings.warmupEdges(), Integer.parseInt(args[++i]), settings.cpuWarmup(), settings.cpuPeriod());
                case "--seconds" -> settings = new Settings(settings.warmupEdges(), settings.edges(), settings.cpuWarmup(),
                        Duration.ofSeconds(Long.parseLong(args[++i])));
                default -> {
                    System.err.println("usage: SensorsBench [--edges N] [--seconds S]");
                    System.exit(2);
                }
            }
        }
        System.out.println(run(settings).summary());
    }

    public static Result run(Settings settings) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        long[] latencies = edgeLatencies(settings);
        Arrays.sort(latencies);
        double baseline = idleLoopCpu(threads, settings);
        AtomicLong samples = new AtomicLong();
        double pipeline = pipelineCpu(threads, settings, samples);
        return new Result(latencies.length, percentile(latencies, 0.50) / 1000.0, percentile(latencies, 0.99) / 1000.0,
                latencies[latencies.length - 1] / 1000.0, pipeline, baseline, samples.get(), settings.cpuPeriod().toMillis() / 1000.0);
    }

    private static long[] edgeLatencies(Settings settings) throws Exception {
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(4);
        SensorListener listener = event -> arrivals.add(System.nanoTime());
        // A 1 ms debounce window: the first edge is reported at once, and edges 2 ms apart are each new.
        SensorSpec pir = new SensorSpec("bench-pir", "bench", SensorKind.PIR, 17, Pull.OFF, false, Duration.ofMillis(1), Duration.ofDays(1));
        long[] measured = new long[settings.edges()];
        try (RealTimeScheduler loop = RealTimeScheduler.create("bench-event-loop", ZoneOffset.UTC);
             SimulatedHome home = SimulatedHome.open(List.of(pir), loop, listener, new HealthSupervisor(loop, change -> { }))) {
            boolean level = false;
            for (int i = 0; i < settings.warmupEdges() + settings.edges(); i++) {
                level = !level;
                long edge = System.nanoTime();
                home.set("bench-pir", level);
                Long arrived = arrivals.poll(5, TimeUnit.SECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("edge " + i + " never reached the event loop");
                }
                if (i >= settings.warmupEdges()) {
                    measured[i - settings.warmupEdges()] = arrived - edge;
                }
                LockSupport.parkNanos(2_000_000);
            }
        }
        return measured;
    }

    private static double idleLoopCpu(ThreadMXBean threads, Settings settings) throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        try (RealTimeScheduler loop = RealTimeScheduler.create("bench-idle", ZoneOffset.UTC)) {
            new Object() {
                void tick() {
                    if (!stopped.get()) {
                        loop.schedule(POLL, this::tick);
                    }
                }
            }.tick();
            try {
                return threadCpuPercent(threads, loop, settings, new AtomicLong());
            } finally {
                // Stop ticking before the loop closes, or the last tick is refused by a closing executor.
                stopped.set(true);
            }
        }
    }

    private static double pipelineCpu(ThreadMXBean threads, Settings settings, AtomicLong samples) throws Exception {
        try (RealTimeScheduler loop = RealTimeScheduler.create("bench-i2c", ZoneOffset.UTC)) {
            SimulatedI2cBus bus = new SimulatedI2cBus(1);
            bus.attach(0x53, new Adxl345Emulator(loop.clock()));
            SensorListener listener = new SensorListener() {
                @Override
                public void onEvent(SensorEvent event) {
                }

                @Override
                public void onAccel(String sensorId, List<AccelSample> batch) {
                    samples.addAndGet(batch.size());
                }
            };
            try (HealthSupervisor supervisor = new HealthSupervisor(loop, event -> { });
                 I2cSensors sensors = I2cSensors.open(I2cBackend.emulated(bus), loop, supervisor)) {
                supervisor.start();
                sensors.addAccelerometer(new AccelerometerSpec("bench-accel", "bench", 1, 0x53, 200, POLL, Duration.ofMinutes(1)), listener);
                return threadCpuPercent(threads, loop, settings, samples);
            }
        }
    }

    /**
     * Waits out the warm-up, then measures the loop thread's CPU time over the period; leaves in
     * {@code counter} how much it grew during the period.
     */
    private static double threadCpuPercent(ThreadMXBean threads, Scheduler loop, Settings settings, AtomicLong counter)
            throws Exception {
        CompletableFuture<Long> id = new CompletableFuture<>();
        loop.execute(() -> id.complete(Thread.currentThread().getId()));
        long tid = id.get(5, TimeUnit.SECONDS);
        sleep(settings.cpuWarmup());
        long count0 = counter.get();
        long cpu0 = threads.getThreadCpuTime(tid);
        long wall0 = System.nanoTime();
        sleep(settings.cpuPeriod());
        long cpu1 = threads.getThreadCpuTime(tid);
        long wall1 = System.nanoTime();
        counter.set(counter.get() - count0);
        return 100.0 * (cpu1 - cpu0) / (wall1 - wall0);
    }

    private static void sleep(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
