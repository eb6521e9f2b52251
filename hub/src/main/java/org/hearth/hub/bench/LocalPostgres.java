package org.hearth.hub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of its own, from Debian's {@code postgresql} package ({@code scripts/setup
 * test} installs it): a fresh cluster in a temporary directory, on a free loopback port, with
 * password (SCRAM) login. {@code initdb} refuses to run as root, so as root the cluster belongs to
 * {@code nobody}. {@link #close()} stops it and deletes the directory. The tests start it with fsync
 * off (they prove behaviour, not the disk); {@code hearth-hub bench} with fsync on, so a commit the hub
 * answers after is on the disk.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "hearth";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private final boolean asNobody;
    private final boolean fsync;

    private LocalPostgres(Path dir, Path bin, int port, boolean asNobody, boolean fsync) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asNobody = asNobody;
        this.fsync = fsync;
    }

    /** Makes a cluster and starts it with fsync off, for tests. */
    public static LocalPostgres start() throws IOException, InterruptedException {
        return start(false);
    }

    /** Makes a cluster and starts it; {@code fsync}: whether a commit waits for the disk. */
    public static LocalPostgres start(boolean fsync) throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("hearth-pg");
        LocalPostgres server = new LocalPostgres(dir, bin, freePort(), root, fsync);
        try {
            server.init();
            server.startServer();
        } catch (IOException | RuntimeException e) {
            server.deleteDir();
            throw e;
        }
        return server;
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IOException("no PostgreSQL under /usr/lib/postgresql; run scripts/setup test"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("PostgreSQL is not installed (no /usr/lib/postgresql); run scripts/setup test", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void init() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("sock"));
        Files.writeString(dir.resolve("pwfile"), password + "\n");
        if (asNobody) {
            run(List.of("chown", "-R", "nobody:nogroup", dir.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=scram-sha-256", "--pwfile=" + dir.resolve("pwfile"), "--no-sync", "-E", "UTF8", "--locale=C"), true);
    }

    /** Starts the server (again, after {@link #stop()}), and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir.resolve("sock") + " -c listen_addresses=127.0.0.1 -c fsync=" + (fsync ? "on" : "off"),
                "start"), true);
    }

    /** Stops the server; its data stays for {@link #startServer()}. */
    public void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"), true);
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** A fresh database on this server; its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, password); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(List<String> command, boolean asOwner) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asOwner && asNobody) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("commands.out").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 90 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                    + Files.readString(dir.resolve("commands.out")) + tail(dir.resolve("log")));
        }
    }

    private static String tail(Path log) throws IOException {
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                stop();
            }
        } finally {
            deleteDir();
        }
    }

    private void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
