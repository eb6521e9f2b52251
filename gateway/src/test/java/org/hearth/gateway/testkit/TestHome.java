package org.hearth.gateway.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.protocol.HubPairingCode;
import org.hearth.gateway.app.config.PrivateFile;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.carer.CarerEndpoint;
import org.hearth.carer.CarerListener;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;

/**
 * A home for whole-process tests: a {@code hearth.yaml} with a simulated home (GPIO mock), pull
 * cords, one carer, Priya, and her key in {@code secrets.yaml} (mode 0600, as the daemon insists);
 * ports picked free on loopback.
 * Priya's device can run in the test's JVM, recording every alert it shows.
 */
public final class TestHome {

    public static final String IDENTITY = "priya-7c";
    /** Priya's key: never to appear in any log line. */
    public static final String KEY = "5ec2e7a1b0c94d3f8e6a7b2c1d0e9f8a";
    public static final List<String> CORDS = List.of("cord-bathroom", "cord-bedroom", "cord-kitchen", "cord-hall");

    public final Path dir;
    public final Path config;
    public final int gatewayPort;
    public final int plainPort;
    public final int carerPort;
    public final List<Alert> shown = new CopyOnWriteArrayList<>();

    public TestHome(Path dir) throws IOException {
        this(dir, port -> port, Duration.ofSeconds(10));
    }

    /**
     * A home whose gateway reaches Priya's device at the port {@code route} gives for the port
     * the device listens on (a test puts a lossy relay in between this way), with heartbeats
     * every {@code heartbeat}.
     */
    public TestHome(Path dir, java.util.function.IntUnaryOperator route, Duration heartbeat) throws IOException {
        this(dir, carerPort -> "  - {name: Priya, level: 1, endpoint: \"coaps://127.0.0.1:" + route.applyAsInt(carerPort) + "\"}\n",
                "carers:\n  Priya: {identity: " + IDENTITY + ", key: " + KEY + "}\n", "", heartbeat);
    }

    /**
     * A home paired with a care hub at {@code hub} (the address the gateway dials: the hub's, or a
     * relay's), as {@code hearth pair --hub} pairs it with the hub's {@code code}: Priya is on the
     * ladder {@code via: hub}, and the gateway beats to the hub every {@code heartbeat}.
     */
    public static TestHome viaHub(Path dir, HubPairingCode code, URI hub, Duration heartbeat) throws IOException {
        return new TestHome(dir, carerPort -> "  - {name: Priya, level: 1, via: hub}\n",
                "hub: {key: " + HexFormat.of().formatHex(code.key()) + "}\n",
                "hub: {uri: \"" + hub + "\", identity: " + code.identity() + ", heartbeat: " + heartbeat.toSeconds() + "s}\n",
                heartbeat);
    }

    private TestHome(Path dir, java.util.function.IntFunction<String> carers, String secrets, String more, Duration heartbeat)
            throws IOException {
        this.dir = dir;
        this.gatewayPort = Ports.freeUdp();
        this.plainPort = Ports.freeUdp();
        this.carerPort = Ports.freeUdp();
        this.config = dir.resolve("hearth.yaml");
        PrivateFile.replace(dir.resolve("secrets.yaml"), secrets);
        StringBuilder sensors = new StringBuilder();
        for (int i = 0; i < CORDS.size(); i++) {
            String room = CORDS.get(i).substring(5);
            sensors.append("  - {id: ").append(CORDS.get(i)).append(", room: ").append(room)
                    .append(", kind: pull_cord, pin: ").append(17 + i).append("}\n");
        }
        Files.writeString(config, """
                home: {label: Flat 7, language: en, timezone: Europe/London}
                storage: {data_dir: data}
                gpio: {backend: mock}
                sensors:
                %scarers:
                %scoap: {bind: 127.0.0.1, port: %d, loopback_port: %d}
                heartbeat: {interval: %ds}
                %s""".formatted(sensors, carers.apply(carerPort), gatewayPort, plainPort, heartbeat.toSeconds(), more));
    }

    public Path database() {
        return dir.resolve("data/hearth.db");
    }

    /** The running daemon's local control token, as root or the hearth user reads it: the payload of a local POST. */
    public String localToken() throws IOException {
        return LocalToken.read(dir.resolve("data")).text();
    }

    /** Starts {@code hearth run} on this home. */
    public JavaProcess startDaemon() throws IOException {
        return JavaProcess.start(dir, "org.hearth.gateway.app.Hearth", "run", "--config", config.toString());
    }

    /** Priya's device, in this JVM: it shows each alert once, however often it arrives. */
    public CarerEndpoint startCarer() {
        return CarerEndpoint.start(new InetSocketAddress("127.0.0.1", carerPort), URI.create("coaps://127.0.0.1:" + gatewayPort),
                "Priya", IDENTITY, HexFormat.of().parseHex(KEY), Clock.systemUTC(), new CarerListener() {
                    @Override
                    public void onAlert(Alert alert) {
                        shown.add(alert);
                    }

                    @Override
                    public void onHeartbeat(Heartbeat heartbeat) {
                    }
                });
    }

    /**
     * A plain CoAP client for the daemon's loopback port. Californium is configured in code first,
     * so it never writes Californium3.properties into the working directory.
     */
    public static org.eclipse.californium.core.CoapClient localClient(int port, String path) {
        synchronized (TestHome.class) {
            org.eclipse.californium.core.config.CoapConfig.register();
            org.eclipse.californium.elements.config.UdpConfig.register();
            org.eclipse.californium.elements.config.Configuration.setStandard(
                    org.eclipse.californium.elements.config.Configuration.createStandardWithoutFile());
        }
        return new org.eclipse.californium.core.CoapClient("coap://127.0.0.1:" + port + "/" + path);
    }
}
