package org.hearth.gateway.app.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioInputStream;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.SqliteReminderStore;
import org.hearth.gateway.testkit.Ports;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.time.RealTimeScheduler;
import org.hearth.voice.Reminder;
import org.hearth.voice.Speaker;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.recognition.AudioInputs;
import org.hearth.voice.testkit.ClipSynthesizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon with the real English Vosk model, listening to speech espeak-ng makes now: a
 * fall's "are you all right?" answered "I'm fine", "help, I've fallen" after the talk button, and
 * a reminder that outlives a restart. The "microphone" plays queued clips, then silence.
 */
@Tag("medium")
class SpokenAlarmsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static ClipSynthesizer synth;

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<byte[]> microphone = new ConcurrentLinkedQueue<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    /** What was said, each with its language: "en: I'm fine". */
    private final List<String> saidIn = new CopyOnWriteArrayList<>();
    private final Speaker speaker = (text, language) -> {
        saidIn.add(language + ": " + text);
        said.add(text);
    };

    @BeforeAll
    static void voices() {
        synth = ClipSynthesizer.create();
    }

    @Test
    void a_fall_pre_alarm_is_cancelled_by_saying_im_fine() throws Exception {
        try (Daemon daemon = start(listeningConfig())) {
            microphone.add(speech("i'm fine"));
            daemon.simulatedHome().pulse("radar-bedroom");

            Alert fall = awaitAlert(daemon, AlertKind.FALL, AlertState.RESOLVED);
            assertThat(history(daemon, fall)).extracting(AuditEntry::detail)
                    .contains("Cancelled by the resident (by voice)");
            assertThat(said).first().asString().startsWith("Are you all right?");
            // The assistant's answer, once: the alert machine's own words are not said again over it.
            await().atMost(Duration.ofSeconds(10)).until(() -> said.size() >= 2);
            assertThat(said).filteredOn(t -> t.contains("cancelled")).hasSize(1);
        }
    }

    @Test
    void help_after_the_talk_button_raises_an_alert_without_a_pre_alarm() throws Exception {
        try (Daemon daemon = start(listeningConfig())) {
            microphone.add(speech("help i've fallen"));
            daemon.simulatedHome().pulse("talk-hub");

            Alert help = awaitAlert(daemon, AlertKind.HELP, AlertState.RAISED);
            assertThat(history(daemon, help)).extracting(AuditEntry::state).doesNotContain(AlertState.PRE_ALARM);
            assertThat(help.message()).isEqualTo("The resident called for help by voice.");
            await().atMost(Duration.ofSeconds(10)).until(() -> !said.isEmpty());
            assertThat(said).filteredOn(t -> t.contains("calling for help")).hasSize(1);
        }
    }

    @Test
    void a_spoken_reminder_is_stored_and_outlives_a_restart() throws Exception {
        HearthConfig config = listeningConfig();
        try (Daemon daemon = start(config)) {
            microphone.add(speech("remind me to take my tablets at six p m"));
            daemon.simulatedHome().pulse("talk-hub");
            await().atMost(Duration.ofSeconds(30)).until(() -> reminders().size() == 1);
            // The reminder is stored before its confirmation is said.
            await().atMost(Duration.ofSeconds(10)).until(() -> !said.isEmpty());
            assertThat(said).last().asString().contains("tablets");
        }
        // A new daemon on the same data directory restores it (and does not drop it as it starts).
        try (Daemon again = start(config)) {
            List<Reminder> kept = reminders();
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).task()).contains("tablets");
            assertThat(kept.get(0).due().atZone(ZONE).getHour()).isEqualTo(18);
        }
    }

    @Test
    void without_a_model_the_daemon_runs_speaks_and_says_it_cannot_listen() throws Exception {
        HearthConfig config = listeningConfig().withVoice(new HearthConfig.Voice(true, dir.resolve("no-models"),
                dir.resolve("lib"), false, 135, org.hearth.gateway.app.config.Settings.VOICE_END_OF_SPEECH.defaultValue()));
        try (Daemon daemon = start(config)) {
            daemon.simulatedHome().pulse("talk-hub");
            await().atMost(Duration.ofSeconds(10)).until(() -> !said.isEmpty());
            assertThat(said).containsExactly(
                    "I can't listen right now. If you need help, press the help button or pull the cord.");
            // The pre-alarm question is still spoken, naming only the buttons (nothing would hear "I'm fine"),
            // and the cord still works.
            daemon.simulatedHome().pulse("radar-bedroom");
            await().atMost(Duration.ofSeconds(10)).until(() -> said.size() >= 2);
            assertThat(said.get(1)).isEqualTo(LanguageResources.builtIn("en").reply("checkin.buttons").orElseThrow())
                    .startsWith("Are you all right?").doesNotContainIgnoringCase("say");
        }
    }

    /**
     * Two people in one home (issue 18 §4), the brief's household: Punjabi first, English second.
     * Punjabi has no speech model, so only English listens, through the several-language recogniser.
     * The pre-alarm is asked in Punjabi, then English; spoken English is answered in English.
     */
    @Test
    void a_punjabi_and_english_home_asks_in_both_and_answers_spoken_english_in_english() throws Exception {
        HearthConfig e = listeningConfig();
        HearthConfig config = e.toBuilder().home(new HearthConfig.Home("Flat 5", List.of("pa", "en"), ZONE, HearthConfig.Household.ONE)).build();
        try (Daemon daemon = start(config)) {
            microphone.add(speech("i'm fine"));
            daemon.simulatedHome().pulse("radar-bedroom");

            Alert fall = awaitAlert(daemon, AlertKind.FALL, AlertState.RESOLVED);
            assertThat(history(daemon, fall)).extracting(AuditEntry::detail).contains("Cancelled by the resident (by voice)");
            await().atMost(Duration.ofSeconds(10)).until(() -> saidIn.size() >= 3);
            assertThat(saidIn.get(0)).startsWith("pa: ਕੀ ਤੁਸੀਂ ਠੀਕ ਹੋ?");
            assertThat(saidIn.get(1)).startsWith("en: Are you all right?");
            assertThat(saidIn).filteredOn(t -> t.contains("cancelled")).singleElement().asString().startsWith("en: ");

            microphone.add(speech("help i've fallen"));
            daemon.simulatedHome().pulse("talk-hub");
            awaitAlert(daemon, AlertKind.HELP, AlertState.RAISED);
            await().atMost(Duration.ofSeconds(10)).until(() -> saidIn.stream().anyMatch(t -> t.contains("calling for help")));
            assertThat(saidIn).filteredOn(t -> t.contains("calling for help")).singleElement().asString().startsWith("en: ");
        }
    }

    /**
     * Somali (issue 18 §2): no model, no espeak-ng voice, and here no recording yet. The daemon does
     * not try to listen, and still announces the pre-alarm: a tone (to the sound card, which this
     * machine may lack) and the English words of the prompt manifest, which name only the buttons.
     */
    @Test
    void a_somali_home_without_recordings_hears_its_pre_alarm_in_english_button_words() throws Exception {
        HearthConfig e = listeningConfig();
        HearthConfig config = e.toBuilder().home(new HearthConfig.Home("Flat 5", "so", ZONE)).build();
        try (Daemon daemon = start(config)) {
            daemon.simulatedHome().pulse("talk-hub");
            daemon.simulatedHome().pulse("radar-bedroom");
            await().atMost(Duration.ofSeconds(10)).until(() -> said.size() >= 2);
            assertThat(said).containsExactly(
                    "I cannot listen. If you need help, press the red help button or pull the cord.",
                    "Are you all right? If you are, press the green cancel button. If you do not, I will call for help.");
        }
    }

    /**
     * Issue 18 §5, privacy through the real daemon (SQLite in the real data directory): nothing the
     * resident says becomes a file. A WatchService on the data directory and every folder in it sees
     * each file made while the session runs, and the log is searched for the words said. English is
     * spoken through the real model (a pre-alarm answered "I'm fine", then "help, I've fallen"); the
     * other languages have no model here, so their talk button and pre-alarm are announced only.
     * The temp directory is not watched: other programs on this machine write there.
     */
    @Test
    void a_session_in_each_language_creates_no_file_and_logs_no_words() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        List<String> created = new java.util.ArrayList<>();
        try {
            for (String language : HearthConfig.LANGUAGES) {
                HearthConfig e = listeningConfig();
                HearthConfig config = e.toBuilder().home(new HearthConfig.Home("Flat 5", language, ZONE)).build();
                said.clear();
                try (Daemon daemon = start(config); java.nio.file.WatchService watch = dir.getFileSystem().newWatchService()) {
                    try (var dirs = Files.walk(dir)) { // Files.walk does not follow the models/en symlink
                        for (Path d : dirs.filter(Files::isDirectory).toList()) {
                            d.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
                        }
                    }
                    if (language.equals("en")) {
                        microphone.add(speech("i'm fine"));
                        daemon.simulatedHome().pulse("radar-bedroom");
                        awaitAlert(daemon, AlertKind.FALL, AlertState.RESOLVED);
                        microphone.add(speech("help i've fallen"));
                        daemon.simulatedHome().pulse("talk-hub");
                        awaitAlert(daemon, AlertKind.HELP, AlertState.RAISED);
                    } else {
                        daemon.simulatedHome().pulse("talk-hub");
                        daemon.simulatedHome().pulse("radar-bedroom");
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> said.size() >= 2);
                    // inotify delivers events apart from the writer: wait a moment for a late one.
                    for (java.nio.file.WatchKey key; (key = watch.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                            != null; ) {
                        for (java.nio.file.WatchEvent<?> event : key.pollEvents()) {
                            created.add(language + ": " + ((Path) key.watchable()).resolve((Path) event.context()));
                        }
                    }
                }
            }
        } finally {
            root.detachAppender(log);
        }
        assertThat(created).as("files created during the sessions").isEmpty();
        assertThat(log.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("fallen") || m.contains("i'm fine"));
    }

    private Daemon start(HearthConfig config) {
        Secrets secrets = new Secrets(Map.of("Priya", new Secrets.CarerKey("priya-1", new byte[16])));
        return Daemon.start(config, secrets, RealTimeScheduler.create("loop", ZONE), speaker, this::nextClip, List.of(),
                e -> { });
    }

    private AudioInputStream nextClip() {
        byte[] clip = microphone.poll();
        return AudioInputs.pcm(clip != null ? clip : new byte[16000 * 2 * 2]);
    }

    private static byte[] speech(String text) throws IOException {
        return ClipSynthesizer.pad(synth.speak(text, "en-gb", 140), 300, 900);
    }

    /** A simulated home with a fall radar and a talk button; the English model installed as models/en. */
    private HearthConfig listeningConfig() throws IOException {
        Path models = dir.resolve("models");
        if (!Files.exists(models.resolve("en"))) {
            Path model = Path.of(System.getProperty("hearth.project.root"), "voice", "target", "model-en");
            assertThat(model.resolve("am/final.mdl")).as("the build unzips the English model here").isRegularFile();
            Files.createDirectories(models);
            Files.createSymbolicLink(models.resolve("en"), model);
        }
        HearthConfig base = HearthConfig.builder(new HearthConfig.Home("Flat 5", "en", ZONE), dir)
                .sensors(List.of(sensor("radar-bedroom", "bedroom", SensorKind.FALL_OUTPUT, 22),
                        sensor("talk-hub", "living room", SensorKind.TALK_BUTTON, 6)))
                .alerts(new HearthConfig.Alerts(Duration.ofSeconds(90), Duration.ofMinutes(5)))
                .carers(List.of(new HearthConfig.CarerEntry("Priya", 1, URI.create("coaps://127.0.0.1:" + Ports.freeUdp()))))
                .coap("127.0.0.1", Ports.freeUdp(), Ports.freeUdp()).build();
        return base.withVoice(new HearthConfig.Voice(true, models, dir.resolve("lib"), false, 135,
                org.hearth.gateway.app.config.Settings.VOICE_END_OF_SPEECH.defaultValue()));
    }

    private static Alert awaitAlert(Daemon daemon, AlertKind kind, AlertState state) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> daemon.onLoop(() -> daemon.alerts().recent(10)).stream()
                .filter(a -> a.kind() == kind && a.state() == state).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static List<AuditEntry> history(Daemon daemon, Alert alert) {
        return daemon.onLoop(() -> daemon.alerts().history(alert.id()));
    }

    private List<Reminder> reminders() {
        try (SqliteDatabase db = SqliteDatabase.openReadOnly(dir.resolve("hearth.db"))) {
            return new SqliteReminderStore(db).all();
        }
    }

    private static SensorSpec sensor(String id, String room, SensorKind kind, int pin) {
        return new SensorSpec(id, room, kind, pin, Pull.UP, true, Duration.ofMillis(20), Duration.ofDays(2));
    }
}
