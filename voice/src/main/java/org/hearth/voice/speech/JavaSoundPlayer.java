package org.hearth.voice.speech;

import java.io.IOException;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** Plays through the default sound card with {@code javax.sound.sampled}, as the microphone is read. */
public final class JavaSoundPlayer implements AudioPlayer {

    private volatile SourceDataLine current;

    @Override
    public void play(AudioInputStream audio) throws IOException {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(audio.getFormat())) {
            line.open(audio.getFormat());
            line.start();
            current = line;
            byte[] buffer = new byte[4096 - 4096 % Math.max(1, audio.getFormat().getFrameSize())];
            for (int n; (n = audio.read(buffer)) > 0 && line.isOpen(); ) {
                line.write(buffer, 0, n);
            }
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new IOException("no sound output for " + audio.getFormat() + ": " + e.getMessage(), e);
        } finally {
            current = null;
        }
    }

    @Override
    public void stop() {
        SourceDataLine line = current;
        if (line != null) {
            line.stop();
            line.flush();
            line.close();
        }
    }
}
