package org.hearth.voice.recognition;

import java.time.Duration;

/**
 * When an utterance is over, decided by the app and not by the recogniser alone: Vosk may never
 * endpoint a lone "help", so a trailing-silence timeout closes it.
 *
 * @param trailingSilence silence after speech that ends the utterance
 * @param noSpeech how long to wait for speech to start before answering "silence"
 * @param maxUtterance the longest utterance; longer speech is cut here
 */
public record EndpointSettings(Duration trailingSilence, Duration noSpeech, Duration maxUtterance) {

    public static final EndpointSettings DEFAULT =
            new EndpointSettings(Duration.ofMillis(700), Duration.ofSeconds(6), Duration.ofSeconds(12));

    public EndpointSettings {
        if (trailingSilence.toMillis() < 200 || trailingSilence.toMillis() > 3000) {
            throw new IllegalArgumentException("trailing silence must be 200 ms to 3 s, was " + trailingSilence);
        }
        if (noSpeech.toMillis() < 500) {
            throw new IllegalArgumentException("no-speech timeout must be at least 500 ms, was " + noSpeech);
        }
        if (maxUtterance.compareTo(trailingSilence) <= 0) {
            throw new IllegalArgumentException("max utterance must be longer than the trailing silence");
        }
    }
}
