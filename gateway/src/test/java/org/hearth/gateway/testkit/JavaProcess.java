package org.hearth.gateway.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real separate JVM running one of our main classes with the test's classpath. Its output
 * goes to a file, not a pipe: when a process exits, the JDK's reaper drains a pipe under a
 * concurrent reader and can lose the last lines, which are the shutdown lines tests look for.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private JavaProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** The command that starts {@code mainClass} in a new JVM. */
    public static List<String> command(String mainClass) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass);
    }

    public static JavaProcess start(Path workDir, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(command(mainClass));
        cmd.addAll(List.of(args));
        Path output = Files.createTempFile("hearth-process-", ".out");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new JavaProcess(p, output);
    }

    public List<String> lines() {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String output() {
        return String.join("\n", lines());
    }

    /** Waits until a line matches, failing with the whole output if the process ends or time runs out first. */
    public String awaitLine(Predicate<String> match, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean ended = !process.isAlive();
            for (String line : lines()) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (ended) {
                throw new AssertionError("process ended (exit " + process.exitValue() + ") without the line; output:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such line within " + limit + "; output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not exit within " + limit + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process dies at once, mid-write if it was writing, as in a power cut of the JVM. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Every thread's stack, from the JDK's {@code jcmd}, for a failure message: a process that stopped
     * answering shows where it waits. Never throws; says why when it cannot.
     */
    public String threadDump() {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident memory in kB, from /proc. */
    public long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    /** SIGTERM, as systemd stops a service. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Files.deleteIfExists(output);
    }
}
