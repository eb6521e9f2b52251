package org.hearth.gateway.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A program the demo runs beside the gateway (the carer's device, the hub, the home's router),
 * started from a command line a launcher names, so the gateway carries none of their code. Each
 * line it prints goes to a listener; the demo waits for a line that starts with an agreed word.
 */
final class DemoProcess implements AutoCloseable {

    private final String what;
    private final Process process;
    private final Deque<String> lines = new ArrayDeque<>();

    private DemoProcess(String what, Process process) {
        this.what = what;
        this.process = process;
    }

    /**
     * The command in {@code explicit}, else in the system property {@code property} (the launcher
     * sets it), else {@code fallback} on the PATH; split at spaces.
     */
    static List<String> command(String explicit, String property, String fallback) {
        String command = explicit != null ? explicit : System.getProperty(property, fallback);
        return new ArrayList<>(List.of(command.split(" ")));
    }

    /** Starts the program; every line it prints (output and errors) goes to {@code each}. */
    static DemoProcess start(String what, List<String> command, Consumer<String> each) throws IOException {
        DemoProcess p = new DemoProcess(what, launch(what, new ProcessBuilder(command).redirectErrorStream(true)));
        Thread reader = new Thread(() -> p.read(each), "demo-" + what.replace(' ', '-'));
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** Starts a daemon whose output goes to a file only. */
    static DemoProcess startLogged(String what, List<String> command, Path log) throws IOException {
        return new DemoProcess(what, launch(what, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())));
    }

    /** Runs a command to its end and returns its lines; a failure is an IOException with what it printed. */
    static List<String> run(String what, List<String> command, Duration limit) throws IOException, InterruptedException {
        try (DemoProcess p = start(what, command, line -> { })) {
            if (!p.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(what + " did not finish within " + limit.toSeconds() + " s");
            }
            p.drained();
            if (p.process.exitValue() != 0) {
                throw new IOException(what + " failed (exit " + p.process.exitValue() + "): " + p.lastLines());
            }
            return p.allLines();
        }
    }

    private static Process launch(String what, ProcessBuilder builder) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start " + what + " (" + String.join(" ", builder.command()) + "): " + e.getMessage()
                    + "; run the demo through the ./hearth launcher, which names the command", e);
        }
    }

    private void read(Consumer<String> each) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String s;
            while ((s = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(s);
                    lines.notifyAll();
                }
                each.accept(s);
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            synchronized (lines) {
                lines.add(EOF);
                lines.notifyAll();
            }
        }
    }

    private static final String EOF = "\u0000end";

    /**
     * Waits for the first line that starts with {@code word}; an IOException says why when the
     * program ends or time runs out first.
     */
    String awaitLine(String word, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lines) {
            while (true) {
                for (String s : lines) {
                    if (s.startsWith(word)) {
                        return s;
                    }
                }
                long left = deadline - System.nanoTime();
                if (lines.contains(EOF) || left <= 0) {
                    process.waitFor(2, TimeUnit.SECONDS);
                    throw new IOException(what + (process.isAlive() ? " was not ready within " + limit.toSeconds() + " s"
                            : " ended (exit " + process.exitValue() + ")") + ": " + lastLines());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private void drained() throws InterruptedException {
        synchronized (lines) {
            while (!lines.contains(EOF)) {
                lines.wait(1000);
            }
        }
    }

    private List<String> allLines() {
        synchronized (lines) {
            return lines.stream().filter(s -> !s.equals(EOF)).toList();
        }
    }

    private String lastLines() {
        List<String> all = allLines();
        return all.isEmpty() ? "(it printed nothing)" : String.join(" | ", all.subList(Math.max(0, all.size() - 5), all.size()));
    }

    /** Writes one line to the program's standard input. */
    void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Stops it as systemd would (SIGTERM), and for good after 10 s. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
