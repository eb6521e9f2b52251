package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.protocol.PairingCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code hearth provision} process on a pseudo-terminal (tmux), answered key by key as an
 * installer would: a typo refused, a pin conflict refused, an answer changed at the summary, the
 * carer's QR code read back off the screen, and a config the real loader accepts.
 */
@Tag("large")
class ProvisionTerminalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** A tmux server of this test's own, its socket in the test's folder, so nothing else's sessions are touched. */
    private Path socket() {
        return dir.resolve("tmux.sock");
    }
    private final Map<String, Integer> seen = new HashMap<>();

    @AfterEach
    void stopTmux() throws Exception {
        tmux("kill-server");
    }

    @Test
    void an_installer_answers_the_wizard_on_a_terminal_and_leaves_a_valid_config_with_the_carer_paired() throws Exception {
        Path config = dir.resolve("etc/hearth.yaml");
        Path exit = dir.resolve("exit-code");
        List<String> cmd = new ArrayList<>(JavaProcess.command("org.hearth.gateway.app.Hearth"));
        cmd.addAll(List.of("provision", "--config", config.toString(), "--gateway", "coaps://127.0.0.1:5684"));
        // The classpath is longer than tmux takes on its command line, so the command goes in a script.
        Path script = dir.resolve("provision.sh");
        Files.writeString(script, "cd " + quote(dir.toString()) + "\n" + String.join(" ", cmd.stream().map(ProvisionTerminalTest::quote).toList())
                + "\necho $? > " + quote(exit.toString()) + "\necho 'provision ended'\nread ignored\n");
        assertThat(tmux("-u", "new-session", "-d", "-s", "provision", "-x", "140", "-y", "50",
                "env LANG=C.UTF-8 sh " + quote(script.toString()))).isZero();

        answer("never a full name. [Home]", "Flat 7");
        answer("Which language does the resident speak? [en]", "");
        answer("speak another language? Type it, or none. [none]", "");
        answer("Which council is this home in?", "");
        answer("Which day are the bins collected?", "tues");
        answer("Which library is nearest?", "");
        answer("When does the resident usually sleep?", "25:00-07:00");
        answer("When does the resident usually sleep?", "");
        assertThat(screen()).contains("Sorry: write it from one time to another, like 22:00-07:00.");

        answer("or 'done'. [add]", "");
        answer("What kind of sensor is it?", "");
        answer("Which room is the pull cord in? [bathroom]", "");
        answer("Which pin is the pull cord wired to? [26]", "");
        answer("a number to remove that sensor, or 'done'. [done]", "add");
        answer("What kind of sensor is it?", "1");
        answer("Which room is the motion sensor in? [kitchen]", "");
        answer("Which pin is the motion sensor wired to? [4]", "26");
        answer("Which pin is the motion sensor wired to? [4]", "");
        assertThat(screen()).contains("Sorry: pin 26 is already used by the pull cord in the bathroom (cord-bathroom)");
        answer("a number to remove that sensor, or 'done'. [done]", "");

        answer("a number to change that carer, or 'done'. [add]", "");
        answer("What is the carer's name?", "Priya");
        answer("Which level is Priya?", "");
        answer("What is the address of Priya's device", "127.0.0.1:5699");
        answer("a number to change that carer, or 'done'. [done]", "");

        answer("how long has the resident to answer", "");
        answer("How long has each carer to answer", "");
        answer("movement in the kitchen each morning?", "9:30");
        answer("How long can the bathroom be in use", "");
        answer("colder than how many", "");
        answer("warmer than how many", "");
        answer("How many days should sensor events be kept?", "");

        answer("Type a number to change it, or 'save'", "1");
        answer("never a full name. [Flat 7]", "Flat 8");
        answer("Which language does the resident speak? [en]", "");
        answer("speak another language? Type it, or none. [none]", "");
        answer("Type a number to change it, or 'save'", "save");

        answer("Press Enter when Priya's device says ENROLLED.", "");
        PairingCode code = PairingCode.parse(TerminalQr.decode(screen()));
        answer("Restart Hearth now", "no");
        answer("Run the walk test now?", "no");
        answer("Send a test alert to the carers now?", "no");
        await("provision ended");

        assertThat(Files.readString(exit).strip()).as(screen()).isEqualTo("0");
        ConfigLoader.Loaded loaded = ConfigLoader.load(config);
        assertThat(loaded.config().home().label()).isEqualTo("Flat 8");
        assertThat(loaded.config().council().binDay()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(loaded.config().detection().kitchenMotionBy()).hasToString("09:30");
        assertThat(loaded.config().sensors()).hasSize(2);
        assertThat(loaded.config().carers()).singleElement()
                .satisfies(c -> assertThat(c.endpoint()).isEqualTo(URI.create("coaps://127.0.0.1:5699")));
        Secrets.CarerKey key = loaded.secrets().forCarer("Priya").orElseThrow();
        assertThat(code.name()).isEqualTo("Priya");
        assertThat(code.identity()).isEqualTo(key.identity());
        assertThat(HexFormat.of().formatHex(code.key())).isEqualTo(HexFormat.of().formatHex(key.key()));
        assertThat(Files.getPosixFilePermissions(config.resolveSibling("secrets.yaml")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    /** Waits for the next showing of {@code prompt}, then types {@code reply} and Enter. */
    private void answer(String prompt, String reply) throws Exception {
        await(prompt);
        if (!reply.isEmpty()) {
            assertThat(tmux("send-keys", "-t", "provision", "-l", reply)).isZero();
        }
        assertThat(tmux("send-keys", "-t", "provision", "Enter")).isZero();
    }

    /** Polls the screen until {@code text} appears once more than it had, failing with the screen at the deadline. */
    private void await(String text) throws Exception {
        int want = seen.getOrDefault(text, 0) + 1;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            String screen = screen();
            if (count(screen, text) >= want) {
                seen.put(text, want);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("\"" + text + "\" (showing " + want + ") did not appear within " + PATIENCE
                        + "; the screen:\n" + screen);
            }
            Thread.sleep(100);
        }
    }

    /** Everything on the terminal since the start, wrapped lines joined. */
    private String screen() throws Exception {
        Path out = dir.resolve("screen.txt");
        tmuxTo(out, "capture-pane", "-p", "-J", "-S", "-", "-t", "provision");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private int tmux(String... args) throws Exception {
        return tmuxTo(null, args);
    }

    private int tmuxTo(Path output, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LANG", "C.UTF-8");
        pb.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("this test drives a terminal with tmux; install it (scripts/setup test)", e);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " did not finish");
        }
        return p.exitValue();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
