package org.hearth.hub.bench;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hearth.hub.HubMain;

/**
 * {@code hearth-hub run} as a child process with a config the bench writes, so its memory and CPU
 * are its own, read from Linux's accounting of that process ({@code /proc/PID}).
 */
final class HubChild implements AutoCloseable {

    /** The repository launcher's flags for {@code hearth-hub} ({@code ./hearth-hub}). */
    static final String LAUNCHER_JVM_OPTIONS = "-Xss512k -XX:+UseSerialGC";
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final Path dir;
    private final int uplinkPort;
    private final int httpPort;

    private HubChild(Process process, Path dir, int uplinkPort, int httpPort) {
        this.process = process;
        this.dir = dir;
        this.uplinkPort = uplinkPort;
        this.httpPort = httpPort;
    }

    /** The PostgreSQL the hub uses, or empty for SQLite in its data directory. */
    record Postgres(String url, String user, String password) {
    }

    /** The config the hub runs with; its data directory is {@code dir/data}. */
    static Path writeConfig(Path dir, int uplinkPort, int httpPort, Optional<Postgres> pg, int heartbeatSeconds) throws IOException {
        String storage = "storage: {data_dir: data}\n";
        if (pg.isPresent()) {
            Path password = dir.resolve("pg-password");
            Files.writeString(password, pg.get().password() + "\n");
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            storage = "storage: {data_dir: data, store: postgresql, postgresql: {url: \"" + pg.get().url() + "\", user: "
                    + pg.get().user() + ", password_file: pg-password}}\n";
        }
        Path config = dir.resolve("hub.yaml");
        Files.writeString(config, "uplink: {bind: 127.0.0.1, port: " + uplinkPort + ", public_host: 127.0.0.1}\n"
                + "heartbeat: {interval: " + heartbeatSeconds + "s}\n" + storage
                + "http: {bind: 127.0.0.1, port: " + httpPort + ", public_url: \"https://127.0.0.1:" + httpPort + "\"}\n");
        return config;
    }

    /** Starts the hub with the config in {@code dir} and waits until it says it started. */
    static HubChild start(Path dir, Path config, int uplinkPort, int httpPort, String jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.stream(jvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.addAll(List.of("-cp", absoluteClassPath(), HubMain.class.getName(), "run", "--config", config.toString()));
        Path log = dir.resolve("hub.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HubChild hub = new HubChild(p, dir, uplinkPort, httpPort);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("Hub started")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                hub.close();
                throw new IOException("the hub did not start (" + (p.isAlive() ? "60 s passed" : "it exited " + p.exitValue())
                        + "); its log:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return hub;
    }

    /** This JVM's class path with every entry absolute, as the hub runs in its own folder. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    int uplinkPort() {
        return uplinkPort;
    }

    int httpPort() {
        return httpPort;
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Peak resident set ({@code VmHWM}) in MB. */
    double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    /** CPU time used so far (user and system), in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** The hub's log so far, for a failure's message. */
    String log() throws IOException {
        return Files.readString(dir.resolve("hub.log"));
    }

    /** SIGTERM, then SIGKILL if it has not stopped in 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
