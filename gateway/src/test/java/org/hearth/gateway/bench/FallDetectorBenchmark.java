package org.hearth.gateway.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.falls.FallDetector;
import org.hearth.sensors.sim.WornTrace;
import org.hearth.gateway.domain.falls.WornFallDetector;
import org.hearth.sensors.AccelSample;
import org.hearth.time.VirtualScheduler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the worn-sensor fall detector, in samples per second on one core, over ten
 * minutes of generated 200 Hz living: walking, sitting down hard, standing, and falls followed by
 * lying still. Beside it, as a same-run baseline, the cost of merely walking over the same
 * samples and computing |a|. One invocation replays the whole trace through a fresh detector.
 *
 * <p>Run it by hand (it is not a test):
 * <pre>
 * ./mvnw -q -B -pl gateway -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/test-classpath.txt)" \
 *     org.hearth.gateway.bench.FallDetectorBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FallDetectorBenchmark {

    /** Samples in the trace: ten minutes at 200 Hz. */
    static final int SAMPLES = 120_000;
    private static final double RATE_HZ = 200;
    /** The batch a BLE sensor would deliver: 100 ms. */
    private static final int BATCH = 20;

    private long[] t;
    private double[] x;
    private double[] y;
    private double[] z;
    private List<AccelSample> samples;
    private List<List<AccelSample>> batches;

    @Setup
    public void generate() {
        WornTrace trace = WornTrace.at(RATE_HZ, 42);
        while (trace.samples().size() < SAMPLES) {
            trace.walk(20, 0.3).sitDownHard().still(WornTrace.UPRIGHT, 5).walk(10, 0.4).fallFromWalking()
                    .still(WornTrace.ON_BACK, 20).turn(WornTrace.UPRIGHT, 1.5);
        }
        samples = trace.samples().subList(0, SAMPLES);
        t = new long[SAMPLES];
        x = new double[SAMPLES];
        y = new double[SAMPLES];
        z = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            AccelSample s = samples.get(i);
            t[i] = s.epochMicros();
            x[i] = s.x();
            y[i] = s.y();
            z[i] = s.z();
        }
        batches = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i += BATCH) {
            batches.add(samples.subList(i, Math.min(i + BATCH, SAMPLES)));
        }
        // A trace in which nothing reaches the later stages would measure only the cheap path.
        if (detector() == 0 || wornFallDetector() != detector()) {
            throw new IllegalStateException("the benchmark trace must hold falls that both paths find alike");
        }
    }

    /** The detector alone, fed primitives. Returns the falls found, so nothing is optimised away. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int detector() {
        FallDetector detector = new FallDetector();
        int falls = 0;
        for (int i = 0; i < SAMPLES; i++) {
            if (detector.accept(t[i], x[i], y[i], z[i])) {
                falls++;
            }
        }
        return falls;
    }

    /** As the daemon runs it: batches of AccelSample records through the Detector interface. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int wornFallDetector() {
        CountingSink sink = new CountingSink();
        WornFallDetector detector = new WornFallDetector(sink, new VirtualScheduler(Instant.EPOCH, ZoneOffset.UTC));
        for (List<AccelSample> batch : batches) {
            detector.onAccel("pendant", batch);
        }
        return sink.raised;
    }

    /** Baseline: walking over the same primitives and computing |a|. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double magnitudeOnly() {
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            sum += Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }
        return sum;
    }

    /** Baseline: walking over the same AccelSample batches and computing |a|. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double magnitudeOfBatches() {
        double sum = 0;
        for (List<AccelSample> batch : batches) {
            for (int i = 0, n = batch.size(); i < n; i++) {
                sum += batch.get(i).magnitude();
            }
        }
        return sum;
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(FallDetectorBenchmark.class.getName() + "\\.").build();
        for (RunResult result : new Runner(options).run()) {
            double perSecond = result.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "%-20s %,14.0f samples/s per core = %,9.0f x real time at 200 Hz%n",
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""), perSecond, perSecond / RATE_HZ);
        }
    }

    private static final class CountingSink implements AlertSink {
        int raised;

        @Override
        public void raise(AlertRequest request) {
            raised++;
        }

        @Override
        public boolean cancelPreAlarm(String how) {
            return false;
        }
    }
}
