package org.hearth.demo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth-demo nat}: the home's router on one machine. The gateway sends to the port it
 * prints; the datagrams go on to the hub from an outside port that changes every
 * {@code --rebind-every}, as a router's does when its mapping expires or it restarts. Runs until
 * it is stopped.
 *
 * <p>Prints {@code READY <inside port> <outside port>} once it forwards, then one line per
 * rebinding.
 */
@Command(name = "nat", mixinStandardHelpOptions = true,
        description = "Relay UDP to a server from an outside port that changes now and then, as a home router's NAT does.")
final class NatCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The server, e.g. 127.0.0.1:5684.")
    String to;

    @Option(names = "--rebind-every", defaultValue = "10", paramLabel = "SECONDS",
            description = "Seconds between two new outside ports (default: ${DEFAULT-VALUE}).")
    long rebindSeconds;

    @Override
    public Integer call() throws Exception {
        int colon = to.lastIndexOf(':');
        if (colon < 1 || rebindSeconds < 1) {
            System.err.println("hearth-demo: --to must be HOST:PORT and --rebind-every at least 1");
            return 2;
        }
        InetSocketAddress server = new InetSocketAddress(to.substring(0, colon), Integer.parseInt(to.substring(colon + 1)));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "nat-stop"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (RebindingNat nat = new RebindingNat(server)) {
            System.out.println("READY " + nat.address().getPort() + " " + nat.outsidePort());
            Duration every = Duration.ofSeconds(rebindSeconds);
            timer.scheduleAtFixedRate(() -> {
                int before = nat.outsidePort();
                try {
                    nat.rebind();
                    System.out.println("REBOUND " + before + " " + nat.outsidePort());
                } catch (java.io.IOException e) {
                    System.out.println("FAILED to open a new outside port: " + e.getMessage());
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            stop.await();
        } finally {
            timer.shutdownNow();
        }
        return 0;
    }
}
