package org.hearth.voice.intent;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Finds a spoken or typed time of day ("half past six in the evening", "6 pm", "18:00") in tokens. */
public interface TimeSlotParser {

    /** The first time expression in {@code tokens}, longest match, if any. */
    Optional<Span> find(List<String> tokens);

    /** A covering sample of time phrases, so a recogniser's grammar contains every time word. */
    List<String> grammarSamples();

    /**
     * A time found in tokens {@code [start, end)}. When {@code halfDayKnown} is false ("at six"),
     * the caller picks the next six o'clock, morning or evening.
     */
    record Span(int start, int end, LocalTime time, boolean halfDayKnown) {
    }

    /** For languages whose templates have no time slot yet. */
    TimeSlotParser NONE = new TimeSlotParser() {
        @Override
        public Optional<Span> find(List<String> tokens) {
            return Optional.empty();
        }

        @Override
        public List<String> grammarSamples() {
            return List.of();
        }
    };
}
