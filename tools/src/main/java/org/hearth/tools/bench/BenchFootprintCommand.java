package org.hearth.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.gateway.store.SqliteEventStore;
import org.hearth.time.Durations;
import org.hearth.voice.models.SpeechModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth bench footprint}: what the real daemon costs a Pi, measured from outside the
 * process. It runs {@code hearth run} twice as a child process, without voice and with the
 * English Vosk model, in a simulated home at a realistic event rate, and reports start-up time,
 * peak memory, idle CPU and bytes written a day. See docs/performance.md.
 */
@Command(name = "footprint", mixinStandardHelpOptions = true,
        description = {"Measure the daemon's start-up time, memory, idle CPU and disk writes, from outside the process.",
            "Prints: footprint: ready_ms=R rss_mb=M rss_voice_mb=V idle_cpu_pct=C writes_mb_per_day=W"})
public final class BenchFootprintCommand implements Callable<Integer> {

    /** The flags the launchers give the JVM (the repository's ./hearth and the package's /usr/bin/hearth). */
    static final String LAUNCHER_JVM_OPTIONS = "-Xms16m -Xmx96m -Xss512k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:-UsePerfData";

    @Option(names = "--duration", defaultValue = "2m", converter = DurationText.class,
            description = "How long each run has events pressed in, e.g. 20s, 2m, 30m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--idle", defaultValue = "60s", converter = DurationText.class,
            description = "How long CPU is measured with no events, after the run without voice (default: ${DEFAULT-VALUE}).")
    Duration idle;

    @Option(names = "--models-dir", defaultValue = "/var/lib/hearth/models",
            description = "Installed Vosk models; the voice run loads DIR/en (default: ${DEFAULT-VALUE}; from a checkout,"
                    + " the model the build unpacked when none is installed).")
    Path modelsDir;

    @Option(names = "--no-voice", description = "Skip the run with voice; rss_voice_mb is then n/a.")
    boolean noVoice;

    @Option(names = "--rate-multiplier", defaultValue = "1",
            description = "Times the realistic rate of one sensor activation every 20 s (default: ${DEFAULT-VALUE}).")
    double rateMultiplier;

    @Option(names = "--sensors", defaultValue = "6",
            description = "GPIO sensors (motion and door contacts), 1 to 24; the accelerometer and climate chip come on top (default: ${DEFAULT-VALUE}).")
    int sensors;

    @Option(names = "--jvm-opts", defaultValue = LAUNCHER_JVM_OPTIONS,
            description = "JVM options for the daemon (default: the launcher's, \"${DEFAULT-VALUE}\").")
    String jvmOptions;

    @Option(names = "--progress-every", defaultValue = "0s", converter = DurationText.class,
            description = "Print memory and writes this often during a run, for soaks; 0s for never (default: ${DEFAULT-VALUE}).")
    Duration progressEvery;

    @Option(names = "--starts", defaultValue = "3",
            description = "Start-ups without voice to time; ready_ms is their median, as one start is noisy (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--work-dir", description = "Where the runs' data folders go; must be a real disk, not tmpfs (default: the system temp folder).")
    Path workDir;

    @Option(names = "--no-warm-up", description = {"Count from the first press of a fresh home, skipping the warm-up press and"
            + " the batching window before it (63 s): for runs that do not need writes_mb_per_day, such as the package's"
            + " class list; writes_mb_per_day then includes the home's once-only first-activity write."})
    boolean noWarmUp;

    @Option(names = "--keep", description = "Keep each run's folder (config, database, daemon log) and print where it is.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        String problem = problem();
        if (problem != null) {
            System.err.println("hearth: " + problem);
            return 2;
        }
        Path root = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        String store = Files.getFileStore(root).type();
        if (store.equals("tmpfs") || store.equals("ramfs")) {
            System.err.println("hearth: " + root + " is " + store + ": write_bytes would not count its writes; pass --work-dir on a real disk");
            return 2;
        }
        if (duration.compareTo(SqliteEventStore.DEFAULT_WINDOW.multipliedBy(2)) < 0) {
            System.out.println("footprint: note: with --duration under " + Durations.format(SqliteEventStore.DEFAULT_WINDOW.multipliedBy(2))
                    + ", writes_mb_per_day is overstated: a batch of events is committed at most every "
                    + Durations.format(SqliteEventStore.DEFAULT_WINDOW) + ", and a short run is charged a whole commit");
        }
        List<String> jvm = Arrays.stream(jvmOptions.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();

        FootprintRun.Result plain = new FootprintRun(settings(false, idle, jvm, root), System.out).run();
        print("voice=off", plain);
        List<Long> readyTimes = new ArrayList<>(List.of(plain.readyMs()));
        while (readyTimes.size() < starts) {
            readyTimes.add(new FootprintRun(settings(false, idle, jvm, root), System.out).startOnly());
        }
        Collections.sort(readyTimes);
        long readyMs = readyTimes.get(readyTimes.size() / 2);
        System.out.println("footprint: start-ups without voice, ready_ms sorted: " + readyTimes);
        FootprintRun.Result voice = null;
        if (!noVoice) {
            voice = new FootprintRun(settings(true, Duration.ZERO, jvm, root), System.out).run();
            print("voice=on", voice);
        }
        System.out.printf(Locale.ROOT, "footprint: ready_ms=%d rss_mb=%.1f rss_voice_mb=%s idle_cpu_pct=%.2f writes_mb_per_day=%.1f%n",
                readyMs, ProcStats.mb(plain.peakRssKb()),
                voice == null ? "n/a" : String.format(Locale.ROOT, "%.1f", ProcStats.mb(voice.peakRssKb())),
                plain.idleCpuPct(), plain.writesMbPerDay());
        return 0;
    }

    private FootprintRun.Settings settings(boolean voice, Duration idleTime, List<String> jvm, Path root) {
        return new FootprintRun.Settings(voice, modelsDir, duration, idleTime, sensors, rateMultiplier, jvm, progressEvery, root, keep,
                !noWarmUp);
    }

    /** Every bad input in plain words, or null. */
    private String problem() {
        if (duration.compareTo(Duration.ofSeconds(5)) < 0) {
            return "--duration must be at least 5s, was " + Durations.format(duration);
        }
        if (idle.compareTo(Duration.ofSeconds(1)) < 0) {
            return "--idle must be at least 1s, was " + Durations.format(idle);
        }
        if (duration.plus(idle).compareTo(SqliteEventStore.DEFAULT_WINDOW) < 0) {
            return "--duration plus --idle must be at least " + Durations.format(SqliteEventStore.DEFAULT_WINDOW)
                    + ", the longest sensor events wait before they are written, or writes would be missed";
        }
        if (!(rateMultiplier > 0) || rateMultiplier > 10_000) {
            return "--rate-multiplier must be more than 0 and at most 10000, was " + rateMultiplier;
        }
        if (starts < 1 || starts > 100) {
            return "--starts must be between 1 and 100, was " + starts;
        }
        if (sensors < 1 || sensors > FootprintRun.MAX_GPIO_SENSORS) {
            return "--sensors must be between 1 and " + FootprintRun.MAX_GPIO_SENSORS + " (BCM 4 to 27; 2 and 3 are the I2C bus), was "
                    + sensors;
        }
        if (workDir != null && !Files.isDirectory(workDir)) {
            return "--work-dir " + workDir + " is not a folder";
        }
        Path model = SpeechModels.fromSystem().locate(modelsDir, "en");
        if (!noVoice && !SpeechModels.isModel(model)) {
            return SpeechModels.missing(model, "en") + ", point --models-dir at a folder whose en/ is an unpacked model,"
                    + " or pass --no-voice";
        }
        return null;
    }

    private static void print(String which, FootprintRun.Result r) {
        System.out.printf(Locale.ROOT, "footprint: %s ready_ms=%d peak_rss_mb=%.1f rss_start_mb=%.1f rss_end_mb=%.1f load_cpu_pct=%.2f"
                        + " idle_cpu_pct=%s presses=%d load_s=%.0f written_mb=%.3f db_growth_mb=%.3f writes_mb_per_day=%.1f%n",
                which, r.readyMs(), ProcStats.mb(r.peakRssKb()), ProcStats.mb(r.rssStartKb()), ProcStats.mb(r.rssEndKb()),
                r.loadCpuPct(), Double.isNaN(r.idleCpuPct()) ? "n/a" : String.format(Locale.ROOT, "%.2f", r.idleCpuPct()),
                r.presses(), r.loadSeconds(), r.writeBytes() / 1e6, r.dbGrowth() / 1e6, r.writesMbPerDay());
        System.out.flush();
    }

    /** Durations as the config file writes them: 20s, 2m, 1h. */
    static final class DurationText implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "\"" + value + "\" is not a duration such as 20s, 2m or 1h"));
        }
    }
}
