package org.hearth.gateway.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.domain.AlertObserver;
import org.hearth.sensors.SensorEvent;
import org.hearth.time.RealTimeScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hearth run}: the daemon. Stops cleanly on SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway daemon.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = {"-c", "--config"}, defaultValue = "/etc/hearth/hearth.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Loaded loaded;
        try {
            loaded = ConfigLoader.load(config);
        } catch (ConfigException e) {
            System.err.println("hearth: the configuration " + config + " is not valid; nothing was started:");
            e.errors().forEach(line -> System.err.println("  " + line));
            return Hearth.EXIT_INVALID;
        }
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
