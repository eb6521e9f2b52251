package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class EndpointerTest {

    private static final int CHUNK = 800; // 50 ms
    private final EndpointSettings settings = new EndpointSettings(Duration.ofMillis(700), Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    private static short[] tone(double amplitude) {
        short[] s = new short[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            s[i] = (short) (amplitude * 32767 * Math.sin(i * 2 * Math.PI * 300 / 16000));
        }
        return s;
    }

    @Test
    void speechThenSilenceEndsAfterTheTrailingTimeout() {
        Endpointer e = new Endpointer(settings);
        for (int i = 0; i < 6; i++) {
            e.accept(new short[CHUNK], CHUNK, 16000);
        }
        for (int i = 0; i < 20; i++) {
            e.accept(tone(0.3), CHUNK, 16000);
        }
        assertThat(e.state()).isEqualTo(Endpointer.State.SPEAKING);
        long speechEnd = e.nowMs();
        while (e.state() == Endpointer.State.SPEAKING) {
            e.accept(new short[CHUNK], CHUNK, 16000);
        }
        assertThat(e.state()).isEqualTo(Endpointer.State.ENDED);
        assertThat(e.nowMs() - speechEnd).isBetween(700L, 750L);
        assertThat(e.lastSpeechMs()).isEqualTo(speechEnd);
    }

    @Test
    void nobodySpeaksMeansSilenceAfterTheNoSpeechTimeout() {
        Endpointer e = new Endpointer(settings);
        while (e.state() == Endpointer.State.WAITING) {
            e.accept(new short[CHUNK], CHUNK, 16000);
        }
        assertThat(e.state()).isEqualTo(Endpointer.State.SILENT);
        assertThat(e.nowMs()).isEqualTo(2000);
    }

    @Test
    void aSingleClickDoesNotStartAnUtterance() {
        Endpointer e = new Endpointer(settings);
        e.accept(new short[CHUNK], CHUNK, 16000);
        e.accept(tone(0.8), CHUNK, 16000);
        e.accept(new short[CHUNK], CHUNK, 16000);
        assertThat(e.state()).isEqualTo(Endpointer.State.WAITING);
    }

    @Test
    void endlessSpeechIsCutAtTheLimit() {
        Endpointer e = new Endpointer(settings);
        e.accept(new short[CHUNK], CHUNK, 16000);
        int chunks = 0;
        while (e.state() != Endpointer.State.ENDED && chunks++ < 1000) {
            e.accept(tone(0.3), CHUNK, 16000);
        }
        assertThat(e.state()).isEqualTo(Endpointer.State.ENDED);
        assertThat(e.nowMs()).isLessThanOrEqualTo(5200);
    }
}
