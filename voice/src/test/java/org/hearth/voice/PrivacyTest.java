package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.testkit.ClipSynthesizer;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.recognition.AudioInputs;
import org.hearth.voice.recognition.VoskSpeechRecognizer;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.speech.EspeakSpeaker;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole conversation through the real recogniser and espeak-ng leaves no file behind in the data
 * directory or the temp directory, and the log says neither what was said nor what it was about
 * (the intent), which is the resident's business: benefits advice, a medicine.
 */
@Tag("medium")
class PrivacyTest {

    @TempDir
    Path dataDir;

    @Test
    void aConversationWritesNoFileAndLogsNoWords() throws Exception {
        // Speech is made and the model loaded first: those are the test's and the daemon's start-up.
        List<byte[]> utterances = Stream.of("help i've fallen", "yes", "when is my bin collection",
                "remind me to take my tablets at six pm", "i've taken my tablets", "i'm fine thank you")
                .map(t -> Clips.speech(t, "en-gb", 150, 900)).collect(Collectors.toList());
        VoskSpeechRecognizer recognizer = TestModel.english();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> before = snapshot(dataDir, tmp);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T17:00:00Z"), ZoneId.of("Europe/London"));
        FakeAlarmPort alarm = new FakeAlarmPort();
        try (EspeakSpeaker speaker = new EspeakSpeaker(ClipSynthesizer.onPath("espeak-ng").orElseThrow(
                () -> new IllegalStateException("espeak-ng is missing: apt-get install -y espeak-ng")),
                EspeakSpeaker.DEFAULT_RATE, EspeakSpeaker.Output.DISCARD, (t, l) -> { })) {
            Assistant assistant = new Assistant(LanguageResources.builtIn("en"), alarm, new InMemoryReminderStore(),
                    speaker, clock, CouncilPack.builtIn("testshire-checked"), new Household(DayOfWeek.THURSDAY, "A", null),
                    AssistantSettings.DEFAULT);
            alarm.openPreAlarm(clock, Duration.ofMinutes(2));
            for (int i = 0; i < utterances.size(); i++) {
                assistant.hear(recognizer.listen(AudioInputs.pcm(utterances.get(i))));
                if (i == 3) {
                    clock.advanceTo(Instant.parse("2026-03-10T18:00:00Z"));
                }
            }
            speaker.drain();
            assertThat(speaker.spokenCount()).isGreaterThanOrEqualTo(5);
        } finally {
            root.detachAppender(log);
        }

        assertThat(snapshot(dataDir, tmp)).as("files in the data and temp directories").isEqualTo(before);
        List<String> messages = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).as("what the journal keeps").isNotEmpty().noneMatch(m -> m.startsWith("Intent "))
                .noneMatch(m -> m.contains("council.bins") || m.contains("reminder.") || m.contains("help.emergency"));
        for (String word : List.of("fallen", "tablets", "collection", "thank")) {
            assertThat(messages).as("log lines mentioning '%s'", word).noneMatch(m -> m.contains(word));
        }
    }

    private static Set<String> snapshot(Path... dirs) throws IOException {
        Set<String> files = new TreeSet<>();
        for (Path dir : dirs) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.forEach(p -> files.add(p.toString()));
            }
        }
        return files;
    }
}
