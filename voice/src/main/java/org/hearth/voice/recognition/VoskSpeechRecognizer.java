package org.hearth.voice.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import org.hearth.voice.Heard;
import org.hearth.voice.intent.Tokens;
import org.vosk.Recognizer;

/**
 * A Vosk recogniser reused for every utterance (reset between them), with the app's own
 * endpointing: the utterance ends at Vosk's endpoint, after the trailing-silence timeout, at the
 * length limit, or at the end of the stream, and then {@code getFinalResult()} is called.
 */
public final class VoskSpeechRecognizer implements SpeechRecognizer {

    /** 50 ms of 16-bit samples: fine enough for endpointing, coarse enough to keep JNA calls few. */
    static final int CHUNK_BYTES = 1600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Recognizer recognizer;
    private final EndpointSettings settings;
    private final byte[] bytes = new byte[CHUNK_BYTES];
    private final short[] samples = new short[CHUNK_BYTES / 2];

    VoskSpeechRecognizer(Recognizer recognizer, EndpointSettings settings) {
        this.recognizer = recognizer;
        this.settings = settings;
    }

    @Override
    public Heard listen(AudioInputStream audio) throws IOException {
        if (!AudioInputs.FORMAT.matches(audio.getFormat())) {
            audio = AudioInputs.toRecognizerFormat(audio, "audio");
        }
        Endpointer endpointer = new Endpointer(settings);
        long decodeNanos = 0;
        long finalNanos;
        // Vosk may close a segment inside an utterance (grammar mode can read an unknown word as
        // silence), so its segments are joined and the app's endpointer decides when speech is over.
        List<String> words = new ArrayList<>();
        List<Double> confidences = new ArrayList<>();
        try {
            while (true) {
                int n = audio.readNBytes(bytes, 0, CHUNK_BYTES) & ~1;
                if (n <= 0) {
                    break;
                }
                long t0 = System.nanoTime();
                if (recognizer.acceptWaveForm(bytes, n)) {
                    collect(recognizer.getResult(), words, confidences);
                }
                decodeNanos += System.nanoTime() - t0;
                Endpointer.State state = endpointer.accept(toSamples(n), n / 2, (int) AudioInputs.SAMPLE_RATE);
                if (state == Endpointer.State.ENDED || state == Endpointer.State.SILENT) {
                    break;
                }
            }
            long t0 = System.nanoTime();
            collect(recognizer.getFinalResult(), words, confidences);
            finalNanos = System.nanoTime() - t0;
            decodeNanos += finalNanos;
        } finally {
            recognizer.reset();
            Arrays.fill(bytes, (byte) 0);
        }
        Heard.Timing timing = new Heard.Timing(endpointer.lastSpeechMs(), endpointer.nowMs(), endpointer.nowMs(),
                decodeNanos, finalNanos);
        if (words.isEmpty()) {
            return Heard.silence(timing);
        }
        double confidence = confidences.stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
        return new Heard(words, confidence, timing);
    }

    private short[] toSamples(int n) {
        for (int i = 0; i + 1 < n; i += 2) {
            samples[i / 2] = (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8));
        }
        return samples;
    }

    /** Adds a Vosk result's words and their confidences. */
    private static void collect(String json, List<String> words, List<Double> confidences) throws IOException {
        JsonNode root = JSON.readTree(json);
        String text = root.path("text").asText("");
        if (text.isBlank()) {
            return;
        }
        words.addAll(Tokens.ofRecognised(text));
        JsonNode result = root.path("result");
        if (result.isArray() && !result.isEmpty()) {
            result.forEach(w -> confidences.add(w.path("conf").asDouble(1.0)));
        } else {
            confidences.add(1.0);
        }
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
