package org.hearth.voice.recognition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.hearth.voice.Heard;

/**
 * A household of several languages: one recogniser per language that has a model, all hearing
 * the same utterance. The first reads the microphone and decides, by its endpointing, where the
 * utterance ends; the others decode exactly the audio it read, one after the other. A
 * {@link Judge} picks the hearing to act on ({@code org.hearth.voice.LanguageJudge}: the
 * recogniser's confidence times how closely the words match that language's phrases). The winner
 * is tagged with its language, so the assistant answers in it. A language without a model has no
 * recogniser here: it is text and buttons.
 */
public final class MultilingualRecognizer implements SpeechRecognizer {

    /** A language's recogniser. */
    public record Ear(String language, SpeechRecognizer recognizer) {
    }

    /** Picks, among one hearing per language (in the ears' order, each tagged), the one to act on. */
    public interface Judge {
        Heard choose(List<Heard> hearings);
    }

    private final List<Ear> ears;
    private final Judge judge;

    public MultilingualRecognizer(List<Ear> ears, Judge judge) {
        if (ears.isEmpty()) {
            throw new IllegalArgumentException("no recogniser");
        }
        this.ears = List.copyOf(ears);
        this.judge = judge;
    }

    @Override
    public Heard listen(AudioInputStream audio) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        AudioInputStream teed = new AudioInputStream(new Tee(audio, read), audio.getFormat(), AudioSystem.NOT_SPECIFIED);
        List<Heard> hearings = new ArrayList<>();
        hearings.add(ears.get(0).recognizer().listen(teed).inLanguage(ears.get(0).language()));
        byte[] utterance = read.toByteArray();
        try {
            for (Ear ear : ears.subList(1, ears.size())) {
                AudioInputStream again = new AudioInputStream(new ByteArrayInputStream(utterance), audio.getFormat(),
                        utterance.length / Math.max(1, audio.getFormat().getFrameSize()));
                hearings.add(ear.recognizer().listen(again).inLanguage(ear.language()));
            }
        } finally {
            Arrays.fill(utterance, (byte) 0);
        }
        return judge.choose(hearings);
    }

    @Override
    public void close() {
        ears.forEach(e -> e.recognizer().close());
    }

    /** Keeps a copy of what the first recogniser read, in memory only. */
    private static final class Tee extends FilterInputStream {
        private final ByteArrayOutputStream copy;

        Tee(InputStream in, ByteArrayOutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }
    }
}
