package org.hearth.voice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sound.sampled.AudioInputStream;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.recognition.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on its own thread and hands what it hears to the assistant on the assistant's executor
 * (the event loop). Listening starts on the talk button, after a check-in, or, in hands-free
 * mode, on the wake phrase; while a reply asks a question it listens again for the answer.
 * Audio is read from the source into the recogniser and dropped.
 */
public final class VoiceLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceLoop.class);
    private static final int MAX_FOLLOW_UPS = 3;

    /** Opens the audio to listen to, such as the microphone. */
    public interface AudioSource {
        AudioInputStream open() throws IOException;
    }

    private final SpeechRecognizer recognizer;
    private final AudioSource source;
    private final Assistant assistant;
    private final Executor assistantThread;
    private final List<List<String>> wakePhrases;
    private final Object listening = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private boolean requested;
    private boolean checkInRequested;
    /** The languages the recogniser hears: a check-in asks the others with the buttons only. */
    private final java.util.Set<String> listeningIn;
    /** Hands-free listening pauses when the microphone cannot be opened, until the button is pressed. */
    private boolean wakeListening;

    /**
     * @param handsFree listen all the time for the wake phrase; otherwise only after the button
     */
    public VoiceLoop(SpeechRecognizer recognizer, AudioSource source, Assistant assistant, Executor assistantThread,
            LanguageResources language, boolean handsFree) {
        this(recognizer, source, assistant, assistantThread, List.of(language), handsFree);
    }

    /**
     * A household of several languages: the wake phrase of any of {@code languages} (those the
     * recogniser hears) wakes it.
     */
    public VoiceLoop(SpeechRecognizer recognizer, AudioSource source, Assistant assistant, Executor assistantThread,
            List<LanguageResources> languages, boolean handsFree) {
        this.recognizer = recognizer;
        this.source = source;
        this.assistant = assistant;
        this.assistantThread = assistantThread;
        this.wakePhrases = handsFree ? languages.stream().flatMap(l -> l.wakePhrases().stream()).toList() : List.of();
        this.listeningIn = languages.stream().map(LanguageResources::code).collect(java.util.stream.Collectors.toSet());
        this.wakeListening = !wakePhrases.isEmpty();
        this.thread = new Thread(this::run, "voice-listener");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The talk (or help) button was pressed: listen for one request. */
    public void talkButtonPressed() {
        synchronized (listening) {
            requested = true;
            wakeListening = !wakePhrases.isEmpty();
            listening.notifyAll();
        }
    }

    /** A pre-alarm opened: ask "are you all right?" and listen for the answer. */
    public void checkIn() {
        synchronized (listening) {
            checkInRequested = true;
            listening.notifyAll();
        }
    }

    private void run() {
        while (!closed.get()) {
            boolean checkIn;
            boolean button;
            synchronized (listening) {
                while (!requested && !checkInRequested && !wakeListening && !closed.get()) {
                    try {
                        listening.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                checkIn = checkInRequested;
                button = requested;
                requested = false;
                checkInRequested = false;
                if (closed.get()) {
                    return;
                }
            }
            if (!button && !checkIn) {
                listenForWakePhrase();
                continue;
            }
            try {
                Reply first = checkIn ? onAssistant(() -> assistant.checkIn(listeningIn)) : null;
                conversation(first);
            } catch (IOException | RuntimeException e) {
                if (!closed.get()) {
                    LOG.error("Listening failed: {}", e.getMessage());
                    onAssistantQuietly(assistant::recognitionFailed);
                }
            }
        }
    }

    /** Listens, answers, and listens again while the assistant's reply asks a question. */
    private void conversation(Reply opening) throws IOException {
        Reply reply = opening;
        int turns = 0;
        do {
            Heard heard = hearOnce();
            reply = onAssistant(() -> assistant.hear(heard));
        } while (reply.expectsAnswer() && ++turns < MAX_FOLLOW_UPS && !closed.get());
    }

    private void listenForWakePhrase() {
        try {
            Heard heard = hearOnce();
            List<String> rest = afterWakePhrase(heard.words());
            if (rest == null) {
                return;
            }
            if (rest.isEmpty()) {
                onAssistant(assistant::acknowledgeWake);
                conversation(null);
            } else {
                Reply reply = onAssistant(() -> assistant.hear(new Heard(rest, heard.confidence(), heard.timing())
                        .inLanguage(heard.language())));
                if (reply.expectsAnswer()) {
                    conversation(reply);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Retrying at once would spin on a missing microphone; the talk button resumes listening.
            LOG.error("Listening for the wake phrase failed ({}); listening again after the talk button", e.getMessage());
            synchronized (listening) {
                wakeListening = false;
            }
        }
    }

    /** The words after the wake phrase, or null if it was not said. */
    private List<String> afterWakePhrase(List<String> words) {
        for (List<String> wake : wakePhrases) {
            String key = wake.get(wake.size() - 1);
            int at = words.indexOf(key);
            if (at >= 0) {
                return new ArrayList<>(words.subList(at + 1, words.size()));
            }
        }
        return null;
    }

    private Heard hearOnce() throws IOException {
        try {
            assistant.speaker().awaitSilence();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the reply was being said", e);
        }
        try (AudioInputStream audio = source.open()) {
            return recognizer.listen(audio);
        }
    }

    private Reply onAssistant(Supplier<Reply> call) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        assistantThread.execute(() -> {
            try {
                f.complete(call.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the assistant answered", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the assistant failed", e.getCause());
        }
    }

    private void onAssistantQuietly(Runnable r) {
        assistantThread.execute(r);
    }

    /** Stops listening and waits for the utterance being heard, so the recogniser is free again. */
    @Override
    public void close() {
        closed.set(true);
        synchronized (listening) {
            listening.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The voice listener did not stop within 15 s");
        }
    }
}
