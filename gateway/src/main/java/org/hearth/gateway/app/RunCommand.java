package org.hearth.gateway.app;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.domain.AlertObserver;
import org.hearth.sensors.SensorEvent;
import org.hearth.time.RealTimeScheduler;
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
        try (RealTimeScheduler loop = RealTimeScheduler.create("hearth-loop", cfg.home().zone())) {
            try (Daemon daemon = Daemon.start(cfg, loaded.secrets(), loop,
                    phrase -> LOG.info("Says: {}", EnglishPhrases.render(phrase)), List.<AlertObserver>of(), (SensorEvent e) -> { })) {
                stopRequested.await();
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
