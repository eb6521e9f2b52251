package org.hearth.voice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.hearth.voice.models.SpeechModels;
import org.hearth.voice.recognition.AudioInputs;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code hearth voice ask FILE.wav...}: one line per file, one model load for all. */
@Tag("medium")
class VoiceAskWavTest {

    @TempDir
    Path dir;

    @Test
    void answersEachFileWithOneModel() throws Exception {
        Path help = wav("help.wav", "help me please");
        Path time = wav("time.wav", "what time is it");
        Path bins = wav("bins.wav", "when is my bin collection");
        Path silence = dir.resolve("silence.wav");
        write(silence, new byte[16000 * 2 * 2]);
        Path broken = dir.resolve("broken.wav");
        Files.writeString(broken, "not a wav");

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        VoiceAskCommandTest.Run r;
        try {
            r = VoiceAskCommandTest.run("--quiet", "--model", TestModel.dir().toString(), "--bin-day", "MONDAY",
                    time.toString(), bins.toString(), silence.toString(), help.toString(), broken.toString());
        } finally {
            root.detachAppender(log);
        }
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(4);
        // The files are one conversation, and spoken help is confirmed before it is raised (a lone
        // reading is no longer taken as certain), so help comes last.
        assertThat(lines[0]).startsWith("file=" + time + " intent=time.now reply=\"It's ");
        assertThat(lines[1]).startsWith("file=" + bins + " intent=council.bins.next reply=\"Your ");
        assertThat(lines[2]).isEqualTo("file=" + silence + " intent=none reply=\"\"");
        assertThat(lines[3]).isEqualTo("file=" + help + " intent=help.emergency reply=\"Did you say you need help? Say"
                + " yes or no.\"");
        assertThat(r.err()).contains("file=" + broken + " error=");
        assertThat(r.code()).isEqualTo(1);
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("Loaded the Vosk model")).hasSize(1);
    }

    @Test
    void aMissingModelIsAPlainError() throws Exception {
        Path help = wav("help.wav", "help");
        VoiceAskCommandTest.Run r = VoiceAskCommandTest.run("--quiet", "--models-dir", dir.resolve("none").toString(),
                help.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no en speech model in " + dir.resolve("none").resolve("en"))
                .contains("hearth models install --lang en");
    }

    @Test
    void fromACheckoutWithNothingInstalledTheBuiltModelAnswers() throws Exception {
        // What the checkout's ./hearth launcher passes: the folder the build unpacks model-en into.
        Path help = wav("help.wav", "help me please");
        String before = System.getProperty(SpeechModels.BUILT_MODELS_PROPERTY);
        System.setProperty(SpeechModels.BUILT_MODELS_PROPERTY, TestModel.dir().getParent().toString());
        VoiceAskCommandTest.Run r;
        try {
            r = VoiceAskCommandTest.run("--quiet", "--models-dir", dir.resolve("none").toString(), help.toString());
        } finally {
            if (before == null) {
                System.clearProperty(SpeechModels.BUILT_MODELS_PROPERTY);
            } else {
                System.setProperty(SpeechModels.BUILT_MODELS_PROPERTY, before);
            }
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("file=" + help + " intent=help.emergency");
    }

    @Test
    void withFailOnNoneAnAnswerOfNoneFails() throws Exception {
        Path help = wav("help.wav", "help me please");
        Path silence = dir.resolve("silence.wav");
        write(silence, new byte[16000 * 2 * 2]);
        String model = TestModel.dir().toString();

        VoiceAskCommandTest.Run understood = VoiceAskCommandTest.run("--quiet", "--fail-on-none", "--model", model,
                help.toString());
        // Silence after "Did you say you need help?" would raise help, so the silence comes first.
        VoiceAskCommandTest.Run notUnderstood = VoiceAskCommandTest.run("--quiet", "--fail-on-none", "--model", model,
                silence.toString(), help.toString());

        assertThat(understood.code()).as(understood.err()).isZero();
        assertThat(notUnderstood.code()).isEqualTo(1);
        assertThat(notUnderstood.out()).contains("file=" + silence + " intent=none");
        assertThat(notUnderstood.err()).contains("--fail-on-none");
    }

    private Path wav(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        write(file, Clips.speech(text, "en-gb", 150, 900));
        return file;
    }

    private static void write(Path file, byte[] pcm) throws Exception {
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), AudioInputs.FORMAT,
                pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
