package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.LossyUdpProxy;
import org.hearth.gateway.testkit.Ports;
import org.hearth.gateway.testkit.TestHome;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.protocol.HubPairingCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart matrix again, through a care hub: the gateway ({@code hearth run}, Priya on its
 * ladder {@code via: hub}) and the hub ({@code hearth-hub run}, SQLite) as two real processes,
 * with 10 % of datagrams lost each way between them, and Priya's phone as an HTTPS client of the
 * hub that acknowledges every open alert it sees. Round after round a cord is pulled, and at a
 * random moment the gateway or the hub is stopped, with SIGTERM or SIGKILL, and started again.
 * After each restart the test measures how long until every alert raised so far is acknowledged
 * in the gateway's store, through the hub; at the end it checks that the hub holds every alert,
 * and prints {@code restarts-hub: rounds=N lost=0 unacknowledged=0 max_recovery_s=…}.
 */
@Tag("large")
class HubRestartMatrixTest {

    /** Each side restarted with each signal twice, in a seeded random order. */
    private static final int ROUNDS = 8;
    private static final double LOSS = 0.10;
    /** The gateway's heartbeat to the hub, the bound on recovery, as in {@link RestartMatrixTest}. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(60);
    private static final String HUB = "org.hearth.hub.HubMain";

    @TempDir
    Path dir;

    private enum Side { GATEWAY, HUB }

    private enum Signal { TERM, KILL }

    private record Plan(Side side, Signal signal) {
    }

    @Test
    void restarting_the_gateway_or_the_hub_loses_nothing_and_recovers_within_a_heartbeat() throws Exception {
        Random random = new Random(16);
        int uplink = Ports.freeUdp();
        int https;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            https = s.getLocalPort();
        }
        Path hubConfig = dir.resolve("hub.yaml");
        Path hubData = dir.resolve("hub");
        Files.writeString(hubConfig, "uplink: {bind: 127.0.0.1, port: " + uplink + ", public_host: 127.0.0.1}\n"
                + "storage: {data_dir: " + hubData + "}\n"
                + "http: {bind: 127.0.0.1, port: " + https + ", public_url: \"https://127.0.0.1:" + https + "\"}\n");
        HubPairingCode code = HubPairingCode.parse(hubCommand("homes", "add", "--label", "Flat 7", "--no-qr", "--config",
                hubConfig.toString()).stream().filter(l -> l.startsWith(HubPairingCode.PREFIX)).findFirst().orElseThrow());
        String invite = hubCommand("invite", "--home", code.identity(), "--carer", "Priya", "--no-qr", "--config",
                hubConfig.toString()).stream().filter(l -> l.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}")).findFirst()
                .orElseThrow();
        String home = code.identity().substring("home-".length());

        LossyUdpProxy toHub = new LossyUdpProxy(new InetSocketAddress("127.0.0.1", uplink), LOSS, 3);
        TestHome gatewayHome = TestHome.viaHub(dir.resolve("home"), code,
                URI.create("coaps://127.0.0.1:" + toHub.address().getPort()), HEARTBEAT);

        List<Plan> plan = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Signal signal : Signal.values()) {
                for (int i = 0; i < ROUNDS / 4; i++) {
                    plan.add(new Plan(side, signal));
                }
            }
        }
        Collections.shuffle(plan, random);

        JavaProcess hub = null;
        JavaProcess gateway = null;
        AtomicBoolean phoneRunning = new AtomicBoolean(true);
        Thread phone = null;
        double maxRecovery = 0;
        try {
            hub = startHub(hubConfig);
            HttpsCarer priya = new HttpsCarer(URI.create("https://127.0.0.1:" + https), hubData.resolve("https.p12"),
                    hubData.resolve("https.p12.password"));
            assertThat(priya.enrol(invite, "Priya's phone").status()).isEqualTo(201);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            phone = new Thread(() -> acknowledgeWhatIsOpen(priya, home, acknowledged, phoneRunning), "priya's phone");
            phone.start();
            gateway = startGateway(gatewayHome);

            int round = 0;
            for (Plan p : plan) {
                round++;
                RestartMatrixTest.pull(gatewayHome, TestHome.CORDS.get(round % TestHome.CORDS.size()));
                Thread.sleep(random.nextInt(1500));
                JavaProcess victim = p.side == Side.GATEWAY ? gateway : hub;
                RestartMatrixTest.stop(victim, p.signal == Signal.KILL);
                victim.close();
                if (p.side == Side.GATEWAY) {
                    gateway = null;
                } else {
                    hub = null;
                }
                Thread.sleep(random.nextInt(2000));
                if (p.side == Side.GATEWAY) {
                    gateway = startGateway(gatewayHome);
                } else {
                    hub = startHub(hubConfig);
                }
                long ready = System.nanoTime();
                long before = RestartMatrixTest.raisedCount(gatewayHome);
                RestartMatrixTest.pull(gatewayHome, TestHome.CORDS.get((round + 1) % TestHome.CORDS.size()));
                RestartMatrixTest.awaitRaised(gatewayHome, before + 1);
                RestartMatrixTest.awaitAllAcknowledged(gatewayHome, Duration.ofMinutes(3), gateway, hub);
                double recovery = (System.nanoTime() - ready) / 1e9;
                System.out.printf("round %d: %s %s, everything acknowledged %.1f s after the restart%n",
                        round, p.side, p.signal, recovery);
                maxRecovery = Math.max(maxRecovery, recovery);
            }

            List<String> raised = CrashLoopTest.query(gatewayHome, "SELECT id FROM alerts WHERE test = 0");
            long lost = 0;
            for (String id : raised) {
                if (priya.get("/homes/" + home + "/alerts/" + id).status() != 200) {
                    lost++;
                }
            }
            long unacknowledged = RestartMatrixTest.unacknowledged(gatewayHome);
            System.out.printf("restarts-hub: rounds=%d lost=%d unacknowledged=%d max_recovery_s=%.1f%n",
                    plan.size(), lost, unacknowledged, maxRecovery);
            System.out.printf("alerts raised=%d, acknowledged by the phone=%d, relay forwarded=%d dropped=%d%n", raised.size(),
                    acknowledged.size(), toHub.forwarded(), toHub.dropped());
            assertThat(raised).as("two alerts a round").hasSizeGreaterThanOrEqualTo(2 * plan.size() - 2);
            assertThat(lost).as("alerts the hub does not hold").isZero();
            assertThat(unacknowledged).isZero();
            assertThat(maxRecovery).as("seconds from a restart until everything is acknowledged")
                    .isLessThanOrEqualTo(HEARTBEAT.toSeconds());
        } finally {
            phoneRunning.set(false);
            if (phone != null) {
                phone.join(15_000);
            }
            for (JavaProcess p : new JavaProcess[] {gateway, hub}) {
                if (p != null) {
                    p.close();
                }
            }
            toHub.close();
        }
    }

    /** Priya's phone: every second, acknowledges each open alert of the home it has not acknowledged yet. */
    private static void acknowledgeWhatIsOpen(HttpsCarer priya, String home, Set<String> acknowledged, AtomicBoolean running) {
        while (running.get()) {
            try {
                HttpsCarer.Answer open = priya.get("/homes/" + home + "/alerts?state=open");
                if (open.status() == 200) {
                    for (JsonNode alert : open.json().path("alerts")) {
                        String id = alert.path("id").asText();
                        if (!acknowledged.contains(id)
                                && priya.post("/homes/" + home + "/alerts/" + id + "/ack", "{\"note\":\"on my way\"}").status() == 202) {
                            acknowledged.add(id);
                        }
                    }
                }
            } catch (java.io.IOException hubDown) {
                // the hub is restarting: ask again in a second, as a phone would
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private JavaProcess startHub(Path config) throws Exception {
        JavaProcess p = JavaProcess.start(dir, HUB, "run", "--config", config.toString());
        p.awaitLine(l -> l.contains("HTTPS API serving"), Duration.ofSeconds(60));
        return p;
    }

    private static JavaProcess startGateway(TestHome home) throws Exception {
        JavaProcess p = home.startDaemon();
        p.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
        return p;
    }

    /** Runs a {@code hearth-hub} command to its end; its output lines. */
    private List<String> hubCommand(String... args) throws Exception {
        try (JavaProcess p = JavaProcess.start(dir, HUB, args)) {
            int exit = p.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("hearth-hub %s: %s", args[0], p.output()).isZero();
            return p.lines();
        }
    }
}
