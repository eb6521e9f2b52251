package org.hearth.hub.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hearth.hub.HubMain;

/**
 * {@code hearth-hub run} as a process of its own, from a {@code hub.yaml} the test writes, so it
 * can be killed with SIGKILL as a crashing node would be.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final InetSocketAddress uplink;

    private HubProcess(Process process, InetSocketAddress uplink) {
        this.process = process;
        this.uplink = uplink;
    }

    /** Writes {@code yaml} to {@code dir/hub.yaml}, starts the hub there, and waits until it says it started. */
    public static HubProcess start(Path dir, String yaml, int uplinkPort) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("hub.yaml"), yaml);
        Path log = dir.resolve("hub.log");
        Process p = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), HubMain.class.getName(), "run", "--config", config.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HubProcess hub = new HubProcess(p, new InetSocketAddress("127.0.0.1", uplinkPort));
        for (int i = 0; i < 600 && !Files.readString(log).contains("Hub started"); i++) {
            if (p.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the hub exited " + p.exitValue() + "; its log:\n" + Files.readString(log));
            }
        }
        if (!Files.readString(log).contains("Hub started")) {
            hub.kill();
            throw new IllegalStateException("the hub did not start within 60 s; its log:\n" + Files.readString(log));
        }
        return hub;
    }

    /** Where its uplink listens. */
    public InetSocketAddress uplink() {
        return uplink;
    }

    /** SIGKILL: no shutdown of its own runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
