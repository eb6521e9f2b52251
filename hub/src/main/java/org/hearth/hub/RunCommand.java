package org.hearth.hub;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hearth.hub.config.HubConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth-hub run}: the daemon. Stops cleanly on SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the hub daemon.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        HubConfig cfg = config.load();
        LOG.info("Configuration {}: uplink {}:{} (pairing codes name {}), heartbeat {} s, store {}{}", config.file,
                cfg.uplink().bind(), cfg.uplink().port(), cfg.uplink().publicHost(), cfg.heartbeat().toSeconds(),
                cfg.storage().kind().name().toLowerCase(java.util.Locale.ROOT),
                cfg.storage().postgresql().map(pg -> " " + pg.url() + " as " + pg.user() + ", password <masked>")
                        .orElse(" " + cfg.storage().sqliteFile()));
        cfg.http().ifPresent(h -> LOG.info("HTTPS API on {}:{}, public address {}, certificate {}", h.bind(), h.port(), h.publicUrl(),
                h.tls().pkcs12().map(p -> p + " (password <masked>)").orElse("self-signed, in the data directory")));
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch stopRequested = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hub-stop"));
        try (Hub hub = Hub.start(cfg)) {
            stopRequested.await();
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
