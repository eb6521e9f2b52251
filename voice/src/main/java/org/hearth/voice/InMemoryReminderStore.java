package org.hearth.voice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reminders held in memory: for tests, and for one-shot commands that keep nothing. */
public final class InMemoryReminderStore implements ReminderStore {

    private final Map<UUID, Reminder> reminders = new LinkedHashMap<>();

    @Override
    public synchronized void save(Reminder reminder) {
        reminders.put(reminder.id(), reminder);
    }

    @Override
    public synchronized List<Reminder> all() {
        return new ArrayList<>(reminders.values());
    }

    @Override
    public synchronized void delete(UUID id) {
        reminders.remove(id);
    }
}
