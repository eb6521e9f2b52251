package org.hearth.voice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.voice.speech.Executables;

/**
 * Makes speech clips in memory with espeak-ng and sox, for tests and the voice benchmark: espeak-ng
 * speaks, sox resamples to 16 kHz mono in repeatable mode ({@code -R}), and pink noise comes from
 * sox too. Nothing touches the disk.
 */
public final class ClipSynthesizer {

    public static final int SAMPLE_RATE = 16_000;

    private final String espeak;
    private final String sox;

    private ClipSynthesizer(String espeak, String sox) {
        this.espeak = espeak;
        this.sox = sox;
    }

    /** Finds both tools on the PATH, or fails with how to install them. */
    public static ClipSynthesizer create() {
        Optional<String> e = onPath("espeak-ng");
        Optional<String> s = onPath("sox");
        if (e.isEmpty() || s.isEmpty()) {
            throw new IllegalStateException("making speech clips needs espeak-ng and sox on the PATH (missing: "
                    + (e.isEmpty() ? "espeak-ng " : "") + (s.isEmpty() ? "sox" : "").trim()
                    + "); install them with: apt-get install -y espeak-ng sox");
        }
        return new ClipSynthesizer(e.get(), s.get());
    }

    public static Optional<String> onPath(String tool) {
        return Executables.onPath(tool);
    }

    /** {@code text} spoken by espeak-ng voice {@code voice} at {@code wordsPerMinute}, as 16 kHz mono s16le. */
    public byte[] speak(String text, String voice, int wordsPerMinute) throws IOException {
        List<ProcessBuilder> pipeline = List.of(
                new ProcessBuilder(espeak, "--stdout", "-v", voice, "-s", Integer.toString(wordsPerMinute), text)
                        .redirectError(ProcessBuilder.Redirect.DISCARD),
                new ProcessBuilder(sox, "-R", "-t", "wav", "-", "-t", "raw", "-r", Integer.toString(SAMPLE_RATE),
                        "-c", "1", "-b", "16", "-e", "signed-integer", "-L", "-")
                        .redirectError(ProcessBuilder.Redirect.DISCARD));
        return run(ProcessBuilder.startPipeline(pipeline), "espeak-ng | sox for voice " + voice);
    }

    /** {@code seconds} of pink noise at full scale, the same every run. */
    public byte[] pinkNoise(double seconds) throws IOException {
        Process p = new ProcessBuilder(sox, "-R", "-n", "-t", "raw", "-r", Integer.toString(SAMPLE_RATE), "-c", "1",
                "-b", "16", "-e", "signed-integer", "-L", "-", "synth", String.format("%.2f", seconds), "pinknoise")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return run(List.of(p), "sox pink noise");
    }

    private static byte[] run(List<Process> processes, String what) throws IOException {
        Process last = processes.get(processes.size() - 1);
        byte[] out;
        try (InputStream in = last.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            for (Process p : processes) {
                int code = p.waitFor();
                if (code != 0) {
                    throw new IOException(what + " failed with exit code " + code);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        }
        if (out.length < SAMPLE_RATE / 10) {
            throw new IOException(what + " produced almost no audio (" + out.length + " bytes)");
        }
        return out;
    }

    /** The clip with {@code leadMs} of silence before and {@code tailMs} after. */
    public static byte[] pad(byte[] pcm, int leadMs, int tailMs) {
        int lead = leadMs * SAMPLE_RATE / 1000 * 2;
        int tail = tailMs * SAMPLE_RATE / 1000 * 2;
        byte[] out = new byte[lead + pcm.length + tail];
        System.arraycopy(pcm, 0, out, lead, pcm.length);
        return out;
    }

    /**
     * Adds {@code noise} (looped from {@code offset}) to the whole clip so that the speech part,
     * the samples of {@code speech} louder than a whisper, sits {@code snrDb} above it.
     */
    public static byte[] mix(byte[] clip, byte[] noise, int offsetSamples, double snrDb) {
        short[] s = samples(clip);
        short[] n = samples(noise);
        double speechPower = activePower(s);
        double noisePower = 0;
        for (int i = 0; i < s.length; i++) {
            double v = n[(offsetSamples + i) % n.length];
            noisePower += v * v;
        }
        noisePower /= s.length;
        double gain = Math.sqrt(speechPower / (noisePower * Math.pow(10, snrDb / 10)));
        short[] out = new short[s.length];
        for (int i = 0; i < s.length; i++) {
            double v = s[i] + gain * n[(offsetSamples + i) % n.length];
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return bytes(out);
    }

    /** Mean power over 20 ms frames that carry speech, so padding silence does not flatter the SNR. */
    static double activePower(short[] s) {
        int frame = SAMPLE_RATE / 50;
        List<Double> powers = new ArrayList<>();
        double max = 0;
        for (int start = 0; start + frame <= s.length; start += frame) {
            double p = 0;
            for (int i = start; i < start + frame; i++) {
                p += (double) s[i] * s[i];
            }
            p /= frame;
            powers.add(p);
            max = Math.max(max, p);
        }
        double threshold = max / 1000; // 30 dB below the loudest frame
        double sum = 0;
        int count = 0;
        for (double p : powers) {
            if (p > threshold) {
                sum += p;
                count++;
            }
        }
        return count == 0 ? 1 : sum / count;
    }

    public static short[] samples(byte[] pcm) {
        short[] s = new short[pcm.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
        }
        return s;
    }

    public static byte[] bytes(short[] s) {
        byte[] b = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            b[2 * i] = (byte) s[i];
            b[2 * i + 1] = (byte) (s[i] >> 8);
        }
        return b;
    }

    /** Milliseconds of audio in a clip. */
    public static long durationMs(byte[] pcm) {
        return pcm.length / 2 * 1000L / SAMPLE_RATE;
    }
}
