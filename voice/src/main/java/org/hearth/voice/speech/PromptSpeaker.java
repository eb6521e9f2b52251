package org.hearth.voice.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.hearth.voice.Speaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speaker of a language espeak-ng cannot speak (Somali): it plays a translator's recording of
 * each fixed announcement, by its reply key. The rule for what has no recording, so that a
 * pre-alarm is always announced somehow:
 * <ul>
 *   <li>a fixed announcement without its recording (missing, or a file that will not play) is said
 *       in English, with the manifest's words (which name only the buttons), through the words
 *       speaker; one marked as about safety (the pre-alarm question, "I am calling for help", "I
 *       have told your carer", ...) is preceded by an attention tone, so that someone who does not
 *       follow the English still knows something important is being said;</li>
 *   <li>anything else (an answer put together from facts) is said in English, as a language file
 *       without that reply does already;</li>
 *   <li>another language of the household is passed to the words speaker unchanged.</li>
 * </ul>
 * Everything is said in order on one thread of its own, a recording never over words.
 */
public final class PromptSpeaker implements Speaker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PromptSpeaker.class);
    /** The language the words are said in while a recording is missing. */
    static final String FALLBACK_LANGUAGE = "en";

    private final String language;
    private final RecordedPrompts prompts;
    private final AudioPlayer player;
    private final Speaker words;
    private final ExecutorService worker;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean playFailedOnce = new AtomicBoolean();

    public PromptSpeaker(String language, RecordedPrompts prompts, AudioPlayer player, Speaker words) {
        this.language = language;
        this.prompts = prompts;
        this.player = player;
        this.words = words;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "prompts");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * For the daemon: {@code <root>/<language>}, through the sound card. Logs how many recordings
     * are missing and how to list them, since until they exist the resident hears English.
     */
    public static PromptSpeaker open(String language, Path root, Speaker words) {
        RecordedPrompts prompts = new RecordedPrompts(root.resolve(language), PromptManifest.builtIn());
        int missing = prompts.missing().size();
        if (missing > 0) {
            LOG.warn("Voice: {} of the {} recorded prompts for '{}' are missing or unplayable in {}; those are said in"
                            + " English, after a tone when they are about safety. List them: hearth voice prompts --lang {}"
                            + " --dir {}", missing, prompts.manifest().prompts().size(), language, prompts.dir(), language,
                    prompts.dir());
        } else {
            LOG.info("Voice: all {} recorded prompts for '{}' are in {}", prompts.manifest().prompts().size(), language,
                    prompts.dir());
        }
        return new PromptSpeaker(language, prompts, new JavaSoundPlayer(), words);
    }

    @Override
    public void say(String text, String language) {
        say(text, language, "");
    }

    @Override
    public void say(String text, String language, String key) {
        if (!language.equals(this.language)) {
            queue(() -> sayWords(text, language, key));
            return;
        }
        Optional<PromptManifest.Prompt> prompt = prompts.manifest().prompt(key);
        Optional<Path> recording = prompts.recording(key);
        queue(() -> {
            if (recording.isPresent() && play(recording.get())) {
                return;
            }
            if (prompt.isPresent() && prompt.get().safety()) {
                play(Tones.attention());
            }
            sayWords(prompt.map(PromptManifest.Prompt::english).orElse(text), FALLBACK_LANGUAGE, key);
        });
    }

    private void queue(Runnable task) {
        long queuedIn = generation.get();
        worker.execute(() -> {
            if (generation.get() == queuedIn) {
                task.run();
            }
        });
    }

    private void sayWords(String text, String language, String key) {
        words.say(text, language, key);
        try {
            words.awaitSilence();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Plays a recording; false, with the reason logged once, if it would not play. */
    private boolean play(Path file) {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(file.toFile())) {
            player.play(audio);
            return true;
        } catch (IOException | UnsupportedAudioFileException e) {
            if (playFailedOnce.compareAndSet(false, true)) {
                LOG.error("Voice: cannot play the recorded prompt {} ({}); saying the words instead", file, e.getMessage());
            }
            return false;
        }
    }

    private void play(AudioInputStream sound) {
        try (sound) {
            player.play(sound);
        } catch (IOException e) {
            if (playFailedOnce.compareAndSet(false, true)) {
                LOG.error("Voice: cannot play sound ({})", e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        generation.incrementAndGet();
        player.stop();
        words.stop();
    }

    @Override
    public void awaitSilence() throws InterruptedException {
        try {
            worker.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the prompts did not finish playing in 60 s", e);
        }
        words.awaitSilence();
    }

    @Override
    public java.util.OptionalInt rate() {
        return words.rate();
    }

    @Override
    public void rate(int wordsPerMinute) {
        words.rate(wordsPerMinute);
    }

    @Override
    public void close() {
        stop();
        worker.shutdownNow();
    }

    /** The attention tone: three short beeps at 880 Hz, 16 kHz 16-bit mono PCM, made here. */
    static final class Tones {
        static final AudioFormat FORMAT = new AudioFormat(16_000, 16, 1, true, false);

        private Tones() {
        }

        static AudioInputStream attention() {
            int beep = 16_000 * 150 / 1000;
            int gap = 16_000 * 100 / 1000;
            byte[] pcm = new byte[3 * (beep + gap) * 2];
            for (int b = 0; b < 3; b++) {
                int start = b * (beep + gap);
                for (int i = 0; i < beep; i++) {
                    short v = (short) (0.4 * Short.MAX_VALUE * Math.sin(2 * Math.PI * 880 * i / 16_000.0));
                    pcm[2 * (start + i)] = (byte) v;
                    pcm[2 * (start + i) + 1] = (byte) (v >> 8);
                }
            }
            return new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, pcm.length / 2);
        }
    }
}
