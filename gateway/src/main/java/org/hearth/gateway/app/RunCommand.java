package org.hearth.gateway.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.domain.AlertObserver;
import org.hearth.sensors.SensorEvent;
import org.hearth.systemd.SystemdNotifier;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.Scheduler;
import org.hearth.voice.Speaker;
import org.hearth.voice.speech.Speakers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth run}: the daemon. Stops cleanly on SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway daemon.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Loaded loaded = config.load();
        LOG.info("{}", loaded.effective()); // once, secrets masked: what this run goes by
        var cfg = loaded.config();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch stopRequested = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hearth-stop"));
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
        AtomicBoolean pinging = new AtomicBoolean(true);
        // espeak-ng to the sound card; where either is missing, replies are lost rather than written to
        // the journal, since they can say what the resident asked about.
        Speaker speaker = Speakers.unprinted(cfg.voice().speechRate());
        try (RealTimeScheduler loop = RealTimeScheduler.create("hearth-loop", cfg.home().zone());
             AutoCloseable speech = speaker instanceof AutoCloseable c ? c : () -> { }) {
            try (Daemon daemon = Daemon.start(cfg, loaded.secrets(), loop, speaker, List.<AlertObserver>of(),
                    (SensorEvent e) -> { })) {
                // Store, CoAP and sensors are up: systemd (Type=notify) now counts the service as started.
                systemd.ready();
                systemd.status("Serving " + cfg.home().label() + ": " + cfg.sensors().size() + " sensors, "
                        + cfg.carers().size() + " carers");
                systemd.watchdogInterval().ifPresent(every -> loop.execute(() -> pingWatchdog(systemd, loop, every, pinging)));
                stopRequested.await();
                pinging.set(false);
                systemd.stopping();
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    /**
     * Pings from the event loop itself: if the loop hangs, the pings stop and systemd restarts the
     * service. They end at STOPPING=1, when the loop starts shutting down and TimeoutStopSec takes over.
     */
    private static void pingWatchdog(SystemdNotifier systemd, Scheduler loop, Duration every, AtomicBoolean pinging) {
        if (pinging.get()) {
            systemd.watchdog();
            loop.schedule(every, () -> pingWatchdog(systemd, loop, every, pinging));
        }
    }
}
