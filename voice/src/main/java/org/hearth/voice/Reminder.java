package org.hearth.voice;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reminder the resident asked for. {@code task} is the assistant's own wording of a known task
 * ("take your tablets"), never a transcript; it is null for "remind me at six".
 */
public record Reminder(UUID id, String task, Instant due, String language) {

    public Reminder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(language, "language");
    }

    public Reminder withDue(Instant newDue) {
        return new Reminder(id, task, newDue, language);
    }
}
