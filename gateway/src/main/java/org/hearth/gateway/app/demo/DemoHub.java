package org.hearth.gateway.app.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.hearth.gateway.app.Scratch;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.config.SecretsFile;
import org.hearth.protocol.HubPairingCode;
import org.hearth.protocol.ProtocolException;

/**
 * The world outside the home, for {@code hearth demo}: a real {@code hearth-hub run} process
 * (SQLite in the demo's folder, loopback, free ports, a self-signed certificate), set up with the
 * hub's own commands ({@code homes add}, {@code invite}); the home's router, a NAT that gives the
 * gateway a new outside port when told ({@code hearth-demo nat}); and the carer's phone,
 * the hub's web app in headless Chromium ({@code hearth-demo web-carer}). The gateway is paired
 * with the hub's code as {@code hearth pair --hub} pairs it. Each is a process of its own, so the
 * gateway carries no hub, NAT or browser code; {@link #close()} stops them in reverse.
 */
final class DemoHub implements AutoCloseable {

    /** How the timeline names the carer's phone. */
    static final String PHONE = "Priya's phone (web app, Chromium)";
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration HEARTBEAT = Duration.ofMinutes(1);

    private final List<DemoProcess> running = new ArrayList<>();
    private final AtomicInteger rebinds = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private HubPairingCode code;
    private URI router;
    private DemoProcess natProcess;

    /**
     * Checks that the phone can run: Chromium and its driver are installed. Returns null when they
     * are, else what is missing and how to install it, in the phone program's own words.
     */
    static String missing(List<String> demoCommand) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(demoCommand);
        cmd.addAll(List.of("web-carer", "--check"));
        try (DemoProcess check = DemoProcess.start("the carer's phone", cmd, line -> { })) {
            try {
                String line = check.awaitLine("MISSING", Duration.ofSeconds(30));
                return line.substring("MISSING ".length());
            } catch (IOException ended) {
                if (!check.isAlive() && check.exitValue() == 0) {
                    return null;
                }
                throw ended;
            }
        }
    }

    /**
     * Starts the hub, makes the home and the carer's invite, pairs the gateway, starts the router
     * and the phone. {@code say} gets each step for the timeline, as (who, what).
     */
    static DemoHub start(Path dir, String carer, String homeLabel, List<String> hubCommand, List<String> demoCommand,
            BiConsumer<String, String> say) throws IOException, InterruptedException, ConfigException {
        DemoHub world = new DemoHub();
        try {
            world.startAll(dir, carer, homeLabel, hubCommand, demoCommand, say);
            return world;
        } catch (IOException | InterruptedException | ConfigException | RuntimeException e) {
            world.close();
            throw e;
        }
    }

    private void startAll(Path dir, String carer, String homeLabel, List<String> hubCommand, List<String> demoCommand,
            BiConsumer<String, String> say) throws IOException, InterruptedException, ConfigException {
        Path data = dir.resolve("hub");
        Path config = dir.resolve("hub.yaml");
        int udp = Scratch.freeUdpPort();
        int tcp = Scratch.freeTcpPort();
        String url = "https://127.0.0.1:" + tcp;
        Files.writeString(config, "uplink: {bind: 127.0.0.1, port: " + udp + ", public_host: 127.0.0.1}\n"
                + "storage: {data_dir: " + data + ", store: sqlite}\n"
                + "http: {bind: 127.0.0.1, port: " + tcp + ", public_url: \"" + url + "\", tls: self-signed}\n",
                StandardCharsets.UTF_8);

        code = pairingCode(hub(hubCommand, config, "homes", "add", "--label", homeLabel, "--no-qr"));
        say.accept("hub", "hearth-hub homes add: home \"" + code.label() + "\" is " + code.identity()
                + " at " + code.hub() + "; its pairing code (with the key) goes to the installer");
        Path secretsFile = dir.resolve("secrets.yaml");
        SecretsFile.putHub(secretsFile, new Secrets.HubKey(code.key()));
        say.accept("gateway", "paired with that code, as `hearth pair --hub` does: the hub's key in secrets.yaml (mode 0600), "
                + carer + " on the ladder via: hub");
        String invite = hub(hubCommand, config, "invite", "--home", code.identity(), "--carer", carer, "--no-qr").stream()
                .filter(l -> l.startsWith("hearth:invite?")).findFirst()
                .orElseThrow(() -> new IOException("hearth-hub invite printed no invite code"));
        say.accept("hub", "hearth-hub invite: a one-time code for " + carer + " (level 1), for their phone to enrol with");

        List<String> run = new ArrayList<>(hubCommand);
        run.addAll(List.of("run", "--config", config.toString()));
        Path log = dir.resolve("hub.log");
        running.add(DemoProcess.startLogged("the hub (hearth-hub run; its log: " + log + ")", run, log));
        awaitHttps(tcp, log);
        say.accept("hub", "hearth-hub run: SQLite in the data folder; gateways dial udp 127.0.0.1:" + udp
                + " (DTLS 1.2 with Connection ID); the carers' web app at " + url + " (self-signed certificate)");

        List<String> nat = new ArrayList<>(demoCommand);
        nat.addAll(List.of("nat", "--to", "127.0.0.1:" + udp));
        natProcess = DemoProcess.start("the home's router (hearth-demo nat)", nat, line -> {
            if (line.startsWith("REBOUND")) {
                rebinds.incrementAndGet();
                String[] ports = line.split(" ");
                say.accept("router", "the gateway's outside port changed, " + ports[1] + " -> " + ports[2]
                        + " (a NAT rebinding): the hub keeps its session by the DTLS Connection ID");
            } else if (!line.startsWith("READY")) {
                say.accept("router", line);
            }
        });
        running.add(natProcess);
        String[] ready = natProcess.awaitLine("READY", START).split(" ");
        router = URI.create("coaps://127.0.0.1:" + ready[1]);
        say.accept("router", "the home's router: the gateway reaches the hub through udp 127.0.0.1:" + ready[1]
                + " and leaves from port " + ready[2]);

        List<String> phone = new ArrayList<>(demoCommand);
        phone.addAll(List.of("web-carer", "--hub", url, "--invite", invite, "--device", "Priya's phone", "--home", code.label(),
                "--tls-pkcs12", data.resolve("https.p12").toString(), "--tls-password-file",
                data.resolve("https.p12.password").toString(), "--profile", dir.resolve("phone").toString()));
        DemoProcess phoneProcess = DemoProcess.start("the carer's phone (hearth-demo web-carer)", phone, line -> {
            say.accept("carer", PHONE + ": " + line);
            if (line.startsWith("CONFIRMED") || line.startsWith("FAILED")) {
                answered.incrementAndGet();
            }
        });
        running.add(phoneProcess);
        phoneProcess.awaitLine("READY", START);
    }

    private static List<String> hub(List<String> hubCommand, Path config, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(hubCommand);
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--config", config.toString()));
        return DemoProcess.run("hearth-hub " + args[0] + " " + args[1], cmd, START);
    }

    private static HubPairingCode pairingCode(List<String> printed) throws IOException {
        String text = printed.stream().filter(l -> l.startsWith(HubPairingCode.PREFIX)).findFirst()
                .orElseThrow(() -> new IOException("hearth-hub homes add printed no pairing code: " + printed));
        try {
            return HubPairingCode.parse(text);
        } catch (ProtocolException e) {
            throw new IOException("hearth-hub homes add printed a pairing code the gateway cannot read: " + e.getMessage(), e);
        }
    }

    /** Waits until the hub answers on its HTTPS port (it opens it last, after the store and the uplink). */
    private void awaitHttps(int port, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        DemoProcess hub = running.get(running.size() - 1);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!hub.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the hub did not start" + (hub.isAlive() ? " within " + START.toSeconds() + " s" : "")
                            + "; its log: " + Files.readString(log, StandardCharsets.UTF_8).strip());
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * The gateway's {@code hub:} section: the identity and key from the pairing code, reached
     * through the router. The heartbeat is a minute of home time (half a second at the demo's
     * usual speed): the default 25 s would beat five times a second.
     */
    HearthConfig configure(HearthConfig config) {
        return config.withHub(new HearthConfig.Hub(router, code.identity(), HEARTBEAT));
    }

    /** The secrets file as pairing wrote it. */
    Secrets secrets(Path secretsFile) throws ConfigException {
        return ConfigLoader.loadSecrets(secretsFile);
    }

    /** The router gives the gateway a new outside port now, as a NAT whose mapping expired does. */
    void rebind() {
        try {
            natProcess.tell("rebind");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the home's router (hearth-demo nat) is gone", e);
        }
    }

    /** How many times the router gave the gateway a new outside port. */
    int rebinds() {
        return rebinds.get();
    }

    /**
     * Waits until the phone has finished answering {@code count} alerts (it saw the home confirm
     * each, or said it failed), so its last lines come before the demo's summary; at most {@code limit}.
     */
    void awaitPhoneAnswered(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (answered.get() < count && phoneAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** The carer's phone is still running (it ends only on a failure it has printed). */
    boolean phoneAlive() {
        return running.size() == 3 && running.get(2).isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
