package org.hearth.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a system tool the tests need, failing loudly (never skipping) when it is not installed. */
final class SystemTool {

    private SystemTool() {
    }

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    record Result(int exit, String output) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        String tool = command.get(0);
        if (!onPath(tool)) {
            throw new AssertionError(tool + " is not installed, and this test needs it; run scripts/setup test "
                    + "(or apt-get install systemd)");
        }
        Path output = Files.createTempFile("hearth-tool-", ".out");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
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
