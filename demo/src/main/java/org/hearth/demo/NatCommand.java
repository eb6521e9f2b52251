package org.hearth.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth-demo nat}: the home's router on one machine. The gateway sends to the port it
 * prints; the datagrams go on to the hub from an outside port that changes every
 * {@code --rebind-every}, and at every line {@code rebind} on its standard input, as a router's
 * does when its mapping expires or it restarts. Runs until it is stopped or its input ends.
 *
 * <p>Prints {@code READY <inside port> <outside port>} once it forwards, then
 * {@code REBOUND <old port> <new port>} at each rebinding.
 */
@Command(name = "nat", mixinStandardHelpOptions = true,
        description = "Relay UDP to a server from an outside port that changes now and then, as a home router's NAT does.")
final class NatCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The server, e.g. 127.0.0.1:5684.")
    String to;

    @Option(names = "--rebind-every", defaultValue = "0", paramLabel = "SECONDS",
            description = "Seconds between two new outside ports; 0 (the default): only when told, by a line `rebind` on standard input.")
    long rebindSeconds;

    private static void rebind(RebindingNat nat) {
        int before = nat.outsidePort();
        try {
            nat.rebind();
            System.out.println("REBOUND " + before + " " + nat.outsidePort());
        } catch (java.io.IOException e) {
            System.out.println("FAILED to open a new outside port: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        int colon = to.lastIndexOf(':');
        if (colon < 1 || rebindSeconds < 0) {
            System.err.println("hearth-demo: --to must be HOST:PORT and --rebind-every 0 or more");
            return 2;
        }
        InetSocketAddress server = new InetSocketAddress(to.substring(0, colon), Integer.parseInt(to.substring(colon + 1)));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (RebindingNat nat = new RebindingNat(server);
             BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("READY " + nat.address().getPort() + " " + nat.outsidePort());
            if (rebindSeconds > 0) {
                Duration every = Duration.ofSeconds(rebindSeconds);
                timer.scheduleAtFixedRate(() -> rebind(nat), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            }
            String line;
            while ((line = commands.readLine()) != null) {
                if (line.strip().equals("rebind")) {
                    timer.execute(() -> rebind(nat));
                }
            }
            if (rebindSeconds > 0) {
                new java.util.concurrent.CountDownLatch(1).await(); // no more commands, but the timer goes on until stopped
            }
        } finally {
            timer.shutdownNow();
        }
        return 0;
    }
}
