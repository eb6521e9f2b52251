package org.hearth.voice.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.Assistant;
import org.hearth.voice.AssistantSettings;
import org.hearth.voice.InMemoryReminderStore;
import org.hearth.voice.Speaker;
import org.hearth.voice.cli.VoicePromptsCommand;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18 §2, Somali: the fixed announcements are played from a translator's WAV files, by reply
 * key; one without its recording is said in English with the manifest's words, after a tone when
 * it is about safety. The WAV files are made here, one tone per key: no Somali recording exists.
 */
@Tag("medium")
class PromptSpeakerTest {

    /** Every reply key the gateway announces (ResidentVoice.REPLY_KEYS), the talk button's and a reminder's. */
    private static final Set<String> ANNOUNCED = Set.of("checkin.buttons", "alarm.cancelled", "alarm.nothing",
            "help.raised", "carer.told", "carer.coming", "carers.unreachable", "carers.back", "walktest.started",
            "walktest.cord", "walktest.help", "walktest.fall", "walktest.real", "walktest.ended", "voice.off",
            "reminder.due", "reminder.due.generic", "not.understood");

    @TempDir
    Path dir;

    private final PromptManifest manifest = PromptManifest.builtIn();
    private final List<String> events = new ArrayList<>();
    private final Map<String, byte[]> fixtures = new HashMap<>();
    private PromptSpeaker speaker;

    @AfterEach
    void close() {
        if (speaker != null) {
            speaker.close();
        }
    }

    @Test
    void theManifestCoversEveryFixedAnnouncementWithNoNameInIt() {
        Set<String> keys = manifest.prompts().stream().map(PromptManifest.Prompt::key).collect(Collectors.toSet());
        assertThat(keys).containsAll(ANNOUNCED).hasSizeBetween(25, 35);
        assertThat(keys).isSubsetOf(LanguageResources.builtIn("en").replyKeys());
        assertThat(manifest.prompts()).filteredOn(PromptManifest.Prompt::safety).extracting(PromptManifest.Prompt::key)
                .contains("checkin.buttons", "help.raised", "carer.told", "carers.unreachable", "voice.off");
        // Nothing listens in Somali, so no prompt asks the resident to say anything.
        assertThat(manifest.prompts()).extracting(PromptManifest.Prompt::english)
                .noneMatch(t -> t.toLowerCase().contains("say i"));
    }

    @Test
    void missingAndUnplayableRecordingsAreListedAndTheCommandFailsUntilAllAreThere() throws IOException {
        List<PromptManifest.Prompt> all = manifest.prompts();
        for (PromptManifest.Prompt p : all.subList(3, all.size())) {
            record(p.key());
        }
        Files.writeString(dir.resolve(all.get(3).key() + ".wav"), "not audio");
        RecordedPrompts prompts = new RecordedPrompts(dir, manifest);

        assertThat(prompts.missing()).extracting(s -> s.prompt().key() + " " + s.problem().orElseThrow()).containsExactly(
                all.get(0).key() + " missing", all.get(1).key() + " missing", all.get(2).key() + " missing",
                all.get(3).key() + " not a WAV file");
        StringWriter out = new StringWriter();
        assertThat(prompts(out)).isEqualTo(1);
        assertThat(out.toString()).contains("missing checkin.buttons (safety): record \"Are you all right?")
                .contains("prompts: lang=so dir=" + dir + " recorded=" + (all.size() - 4) + " missing=4");

        for (PromptManifest.Prompt p : all.subList(0, 4)) {
            record(p.key());
        }
        StringWriter again = new StringWriter();
        assertThat(prompts(again)).isEqualTo(0);
        assertThat(again.toString()).isEqualTo("prompts: lang=so dir=" + dir + " recorded=" + all.size() + " missing=0\n");
    }

    @Test
    void aRecordedPreAlarmQuestionIsPlayedFromItsFile() throws Exception {
        record("checkin.buttons");
        Assistant somali = somaliAssistant();
        assertThat(somali.checkIn().key()).isEqualTo("checkin.buttons");
        speaker.awaitSilence();
        assertThat(events).containsExactly("played checkin.buttons");
    }

    @Test
    void withoutItsRecordingThePreAlarmIsAToneThenEnglishWordsThatNameOnlyTheButtons() throws Exception {
        somaliAssistant().checkIn();
        speaker.awaitSilence();
        assertThat(events).containsExactly("played tone", "words en: Are you all right? If you are, press the green "
                + "cancel button. If you do not, I will call for help.");
    }

    @Test
    void aNamedAnnouncementPlaysItsNamelessRecordingOrSaysTheNamelessWords() throws Exception {
        Assistant somali = somaliAssistant();
        somali.announce("carer.told", Map.of("carer", "Priya"));
        record("carer.coming");
        somali.announce("carer.coming", Map.of("carer", "Priya"));
        somali.announce("carers.back", Map.of());
        speaker.awaitSilence();
        assertThat(events).containsExactly("played tone", "words en: I have told your carer.",
                "played carer.coming", "words en: I can reach your carers again.");
    }

    @Test
    void aMissingPromptNotAboutSafetyIsWordsWithoutATone() throws Exception {
        record("carer.coming");
        Assistant somali = somaliAssistant();
        somali.announce("carer.coming", Map.of("carer", "Priya"));
        speaker.say("", "so", "ok");
        speaker.awaitSilence();
        assertThat(events).containsExactly("played carer.coming", "words en: All right.");
    }

    @Test
    void anotherLanguageOfTheHouseholdIsSpokenAsBefore() throws Exception {
        record("ok");
        speaker = new PromptSpeaker("so", new RecordedPrompts(dir, manifest), player(), words());
        speaker.say("Thik hai.", "hi", "ok");
        speaker.awaitSilence();
        assertThat(events).containsExactly("words hi: Thik hai.");
    }

    @Test
    void somaliHasNoSpeechModelAndRecordedPrompts() {
        LanguageResources so = LanguageResources.builtIn("so");
        assertThat(so.hasSpeechModel()).isFalse();
        assertThat(so.recordedPrompts()).isTrue();
        assertThat(LanguageResources.builtIn("en").hasSpeechModel()).isTrue();
        assertThat(LanguageResources.builtIn("en").recordedPrompts()).isFalse();
        // Typed words find nothing: Somali is buttons only.
        assertThat(somaliAssistantWithoutSpeaker().match(org.hearth.voice.Heard.text(List.of("help"))).intent())
                .isEqualTo(Intent.NONE);
    }

    private int prompts(StringWriter out) {
        CommandLine cli = new CommandLine(new VoicePromptsCommand());
        cli.setOut(new PrintWriter(out));
        return cli.execute("--lang", "so", "--dir", dir.toString());
    }

    /** A generated fixture: a different tone for each key, written as 16 kHz 16-bit mono WAV. */
    private void record(String key) throws IOException {
        double hz = 300 + Math.floorMod(key.hashCode(), 500);
        byte[] pcm = new byte[16_000 * 3 / 10 * 2];
        for (int i = 0; i < pcm.length / 2; i++) {
            short v = (short) (0.3 * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / 16_000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        fixtures.put(key, pcm);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), PromptSpeaker.Tones.FORMAT,
                pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, dir.resolve(key + ".wav").toFile());
        }
    }

    /** Records which fixture (or the tone) it was given, by its samples. */
    private AudioPlayer player() throws IOException {
        byte[] tone = PromptSpeaker.Tones.attention().readAllBytes();
        return audio -> {
            byte[] played = audio.readAllBytes();
            String what = Arrays.equals(played, tone) ? "tone" : fixtures.entrySet().stream()
                    .filter(e -> Arrays.equals(e.getValue(), played)).map(Map.Entry::getKey).findFirst().orElse("unknown");
            synchronized (events) {
                events.add("played " + what);
            }
        };
    }

    private Speaker words() {
        return (text, language) -> {
            synchronized (events) {
                events.add("words " + language + ": " + text);
            }
        };
    }

    private Assistant somaliAssistant() throws IOException {
        speaker = new PromptSpeaker("so", new RecordedPrompts(dir, manifest), player(), words());
        return assistant(speaker);
    }

    private Assistant somaliAssistantWithoutSpeaker() {
        return assistant((text, language) -> { });
    }

    private static Assistant assistant(Speaker speaker) {
        return new Assistant(LanguageResources.builtIn("so"), new FakeAlarmPort(), new InMemoryReminderStore(), speaker,
                new VirtualScheduler(Instant.parse("2026-03-10T10:00:00Z"), ZoneId.of("Europe/London")),
                CouncilPack.builtIn("testshire-checked"), new Household(DayOfWeek.THURSDAY, "A", null),
                AssistantSettings.DEFAULT);
    }
}
