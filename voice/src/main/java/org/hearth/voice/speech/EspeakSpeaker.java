package org.hearth.voice.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hearth.voice.Speaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says replies with espeak-ng, one at a time, on its own thread. The text goes in on standard
 * input, so it never shows in the process list. If espeak-ng cannot start, it says so in the log
 * once and prints replies from then on.
 */
public final class EspeakSpeaker implements Speaker, AutoCloseable {

    /** espeak-ng voices for the built-in languages. */
    public static final Map<String, String> VOICES = Map.of(
            "en", "en-gb", "gu", "gu", "hi", "hi", "pa", "pa", "ur", "ur", "pl", "pl", "bn", "bn");
    /** Slower than espeak-ng's 175 words a minute: clearer for older listeners. */
    public static final int DEFAULT_RATE = 135;
    /** espeak-ng's own minimum rate. */
    public static final int SLOWEST = 80;

    private static final Logger LOG = LoggerFactory.getLogger(EspeakSpeaker.class);

    /** Where the sound goes: the sound card, or nowhere (espeak-ng still runs; for tests and the benchmark). */
    public enum Output { DEVICE, DISCARD }

    private final String executable;
    private volatile int wordsPerMinute;
    private final Output output;
    private final Speaker fallback;
    private final ExecutorService worker;
    private final AtomicBoolean failedOnce = new AtomicBoolean();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong spoken = new AtomicLong();
    /** Bumped by {@link #stop()}; replies queued before it are dropped. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Process current;
    private volatile Runnable onStart = () -> { };

    public EspeakSpeaker(String executable, int wordsPerMinute, Output output, Speaker fallback) {
        checkRate(wordsPerMinute);
        this.executable = executable;
        this.wordsPerMinute = wordsPerMinute;
        this.output = output;
        this.fallback = fallback;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "espeak");
            t.setDaemon(true);
            return t;
        });
    }

    private static void checkRate(int wordsPerMinute) {
        if (wordsPerMinute < SLOWEST || wordsPerMinute > 450) {
            throw new IllegalArgumentException("speech rate must be 80 to 450 words a minute, was " + wordsPerMinute);
        }
    }

    @Override
    public OptionalInt rate() {
        return OptionalInt.of(wordsPerMinute);
    }

    @Override
    public void rate(int wordsPerMinute) {
        checkRate(wordsPerMinute);
        this.wordsPerMinute = wordsPerMinute;
    }

    /** Runs when espeak-ng has started on a reply: the moment the resident starts to hear it. */
    public void onStart(Runnable listener) {
        this.onStart = listener;
    }

    @Override
    public void say(String text, String language) {
        String voice = VOICES.getOrDefault(language, language);
        long queuedIn = generation.get();
        worker.execute(() -> {
            if (generation.get() == queuedIn) {
                speak(SpokenText.forSpeech(text), voice, text, language);
            }
        });
    }

    private void speak(String text, String voice, String original, String language) {
        ProcessBuilder pb = output == Output.DISCARD
                ? new ProcessBuilder(executable, "--stdout", "-v", voice, "-s", Integer.toString(wordsPerMinute))
                : new ProcessBuilder(executable, "-v", voice, "-s", Integer.toString(wordsPerMinute));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        if (output == Output.DEVICE) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            Process p = pb.start();
            current = p;
            onStart.run();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (output == Output.DISCARD) {
                try (InputStream audio = p.getInputStream()) {
                    bytesOut.addAndGet(audio.transferTo(OutputStream.nullOutputStream()));
                }
            }
            int code = p.waitFor();
            if (code != 0 && current == p) {
                LOG.warn("espeak-ng exited with code {} for voice {}", code, voice);
            }
            spoken.incrementAndGet();
        } catch (IOException e) {
            if (failedOnce.compareAndSet(false, true)) {
                LOG.error("espeak-ng cannot run ({}); replies go to the fallback speaker instead", e.getMessage());
            }
            fallback.say(original, language);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            current = null;
        }
    }

    @Override
    public void stop() {
        generation.incrementAndGet();
        Process p = current;
        if (p != null) {
            p.destroy();
        }
    }

    @Override
    public void awaitSilence() throws InterruptedException {
        drain();
    }

    /** Waits until every queued reply has been said. */
    public void drain() throws InterruptedException {
        try {
            worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("espeak-ng did not finish the queued replies in 30 s", e);
        }
    }

    /** Bytes of audio espeak-ng produced in {@link Output#DISCARD} mode. */
    public long audioBytes() {
        return bytesOut.get();
    }

    /** Replies espeak-ng finished. */
    public long spokenCount() {
        return spoken.get();
    }

    @Override
    public void close() {
        stop();
        worker.shutdownNow();
    }
}
