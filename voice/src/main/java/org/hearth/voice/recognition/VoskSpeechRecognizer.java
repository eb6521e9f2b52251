package org.hearth.voice.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import org.hearth.voice.Heard;
import org.hearth.voice.intent.Hypothesis;
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
    private final double latticeBeam;
    private final byte[] bytes = new byte[CHUNK_BYTES];
    private final short[] samples = new short[CHUNK_BYTES / 2];

    /** {@code latticeBeam}: the model's {@code --lattice-beam}; readings further behind the best are dropped. */
    VoskSpeechRecognizer(Recognizer recognizer, EndpointSettings settings, double latticeBeam) {
        this.recognizer = recognizer;
        this.settings = settings;
        this.latticeBeam = latticeBeam;
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
        List<Hypothesis> alternatives = new ArrayList<>();
        double gap = -1;
        try {
            while (true) {
                int n = audio.readNBytes(bytes, 0, CHUNK_BYTES) & ~1;
                if (n <= 0) {
                    break;
                }
                long t0 = System.nanoTime();
                if (recognizer.acceptWaveForm(bytes, n)) {
                    gap = collect(recognizer.getResult(), words, alternatives);
                }
                decodeNanos += System.nanoTime() - t0;
                Endpointer.State state = endpointer.accept(toSamples(n), n / 2, (int) AudioInputs.SAMPLE_RATE);
                if (state == Endpointer.State.ENDED || state == Endpointer.State.SILENT) {
                    break;
                }
            }
            long t0 = System.nanoTime();
            double last = collect(recognizer.getFinalResult(), words, alternatives);
            if (last >= 0) {
                gap = last;
            }
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
        alternatives.removeIf(h -> h.words().isEmpty());
        // A lone reading does not mean a sure one: its rivals fell outside the lattice beam, so
        // they were at least that far behind; it is no surer than a runner-up that far behind.
        return new Heard(words, confidenceFromGap(gap < 0 ? latticeBeam : gap), alternatives, latticeBeam, timing);
    }

    private short[] toSamples(int n) {
        for (int i = 0; i + 1 < n; i += 2) {
            samples[i / 2] = (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8));
        }
        return samples;
    }

    /**
     * Adds a Vosk result's best reading to {@code words}, and its runner-ups, each prefixed with
     * what earlier segments said, to {@code alternatives}. Returns the gap between the best two
     * readings, or -1 when there was only one.
     */
    private static double collect(String json, List<String> words, List<Hypothesis> alternatives) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode alts = root.path("alternatives");
        if (!alts.isArray() || alts.isEmpty()) {
            String text = root.path("text").asText("");
            if (!text.isBlank()) {
                words.addAll(Tokens.ofRecognised(text));
            }
            return -1;
        }
        List<String> best = Tokens.ofRecognised(alts.get(0).path("text").asText(""));
        if (best.isEmpty()) {
            return -1; // an empty closing segment keeps the runner-ups of the one before
        }
        List<String> before = List.copyOf(words);
        double top = alts.get(0).path("confidence").asDouble();
        words.addAll(best);
        alternatives.clear(); // only the last segment's runner-ups are kept
        double gap = -1;
        for (int i = 1; i < alts.size(); i++) {
            List<String> alt = new ArrayList<>(before);
            alt.addAll(Tokens.ofRecognised(alts.get(i).path("text").asText("")));
            double g = top - alts.get(i).path("confidence").asDouble();
            alternatives.add(new Hypothesis(alt, g));
            if (gap < 0) {
                gap = g;
            }
        }
        return gap;
    }

    /**
     * How sure the recogniser was, from how far the best reading led the runner-up: a lead of
     * three or more is sure; a tie is a coin toss.
     */
    static double confidenceFromGap(double gap) {
        return Math.min(1.0, 0.5 + Math.max(0, gap) / 6.0);
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
