package org.hearth.voice;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reminder the resident asked for. {@code task} is the assistant's own wording of a known task
 * ("take your tablets"), never a transcript; it is null for "remind me at six". A {@code daily}
 * reminder comes back at the same local time the next day once done or rung out; {@code due} is
 * its next time.
 */
public record Reminder(UUID id, String task, Instant due, String language, boolean daily) {

    /** A one-off reminder. */
    public Reminder(UUID id, String task, Instant due, String language) {
        this(id, task, due, language, false);
    }

    public Reminder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(language, "language");
    }

    public Reminder withDue(Instant newDue) {
        return new Reminder(id, task, newDue, language, daily);
    }
}
