package org.hearth.voice;

import java.util.List;
import java.util.UUID;

/**
 * Where reminders survive a restart. The gateway keeps them in SQLite; tests and the one-shot CLI
 * use {@link InMemoryReminderStore}. Calls come from the assistant's thread.
 */
public interface ReminderStore {

    /** Adds or replaces the reminder with this id. */
    void save(Reminder reminder);

    /** Every stored reminder, in no particular order. */
    List<Reminder> all();

    /** Forgets the reminder; harmless if it is not there. */
    void delete(UUID id);
}
