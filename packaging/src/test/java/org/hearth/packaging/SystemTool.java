package org.hearth.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a system tool the tests need, failing loudly (never skipping) when it is not installed. */
final class SystemTool {

    private SystemTool() {
    }

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    record Result(int exit, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    static Result run(List<String> command, Duration limit) throws IOException, InterruptedException {
        return run(command, Map.of(), limit);
    }

    static Result run(List<String> command, Map<String, String> env, Duration limit) throws IOException, InterruptedException {
        require(command.get(0));
        Path output = Files.createTempFile("hearth-tool-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + limit + "; output:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Fails with how to install {@code tool} unless it is on the PATH (or is a path to an executable). */
    static void require(String tool) {
        if (tool.contains("/") ? Files.isExecutable(Path.of(tool)) : onPath(tool)) {
            return;
        }
        throw new AssertionError(tool + " is not installed, and this test needs it; run scripts/setup test");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
