package org.hearth.voice.recognition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Where audio comes from: the microphone, a WAV file, or bytes in memory. All three arrive as an
 * {@link AudioInputStream} of 16 kHz, 16-bit, mono, little-endian PCM, so the recogniser has one
 * path for tests and for the device.
 */
public final class AudioInputs {

    public static final float SAMPLE_RATE = 16_000f;
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private AudioInputs() {
    }

    /** Opens a WAV file and converts it to the recogniser's format if Java Sound can. */
    public static AudioInputStream wav(Path file) throws IOException {
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + " is not a WAV file Java can read: " + e.getMessage(), e);
        }
        return toRecognizerFormat(in, file.toString());
    }

    /** Raw 16 kHz mono 16-bit little-endian samples held in memory. */
    public static AudioInputStream pcm(byte[] samples) {
        return new AudioInputStream(new ByteArrayInputStream(samples), FORMAT, samples.length / FORMAT.getFrameSize());
    }

    /** The default capture device (ALSA on the Pi), opened and started. Close the stream to release it. */
    public static AudioInputStream microphone() throws IOException {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
            line.open(FORMAT, (int) (SAMPLE_RATE * 2 / 5)); // a 200 ms buffer keeps latency low
            line.start();
            return new AudioInputStream(line);
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new IOException("no microphone that records 16 kHz mono: " + e.getMessage(), e);
        }
    }

    static AudioInputStream toRecognizerFormat(AudioInputStream in, String name) throws IOException {
        AudioFormat f = in.getFormat();
        if (matches(f)) {
            return in;
        }
        try {
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16,
                    f.getChannels(), f.getChannels() * 2, f.getSampleRate(), false);
            AudioInputStream step = matchesEncoding(f, pcm) ? in : AudioSystem.getAudioInputStream(pcm, in);
            if (step.getFormat().getChannels() != 1) {
                step = AudioSystem.getAudioInputStream(new AudioFormat(f.getSampleRate(), 16, 1, true, false), step);
            }
            return AudioSystem.getAudioInputStream(FORMAT, step);
        } catch (IllegalArgumentException e) {
            in.close();
            throw new IOException(name + ": cannot convert " + f + " to 16 kHz mono 16-bit; convert it first,"
                    + " for example: sox in.wav -r 16000 -c 1 -b 16 out.wav", e);
        }
    }

    private static boolean matches(AudioFormat f) {
        return f.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) && f.getSampleRate() == SAMPLE_RATE
                && f.getSampleSizeInBits() == 16 && f.getChannels() == 1 && !f.isBigEndian();
    }

    private static boolean matchesEncoding(AudioFormat f, AudioFormat pcm) {
        return f.getEncoding().equals(pcm.getEncoding()) && f.getSampleSizeInBits() == 16 && !f.isBigEndian();
    }
}
