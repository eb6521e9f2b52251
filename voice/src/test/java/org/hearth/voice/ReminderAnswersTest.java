package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Starts Tuesday 10 March 2026, 08:00 in London (GMT). */
@Tag("small")
class ReminderAnswersTest {

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T08:00:00Z"),
            ZoneId.of("Europe/London"));
    private final List<String> said = new ArrayList<>();
    private final Speaker speaker = (text, language) -> said.add(language + ": " + text);
    private final InMemoryReminderStore store = new InMemoryReminderStore();
    private final SpokenLanguages spoken = new SpokenLanguages(
            List.of(LanguageResources.builtIn("en"), LanguageResources.builtIn("hi")), speaker,
            new SpeechRate(speaker, clock));
    private final ReminderAnswers reminders = new ReminderAnswers(spoken, store, clock, AssistantSettings.DEFAULT,
            new FakeAlarmPort());

    @Test
    void setListAndCancelTheOneJustSet() {
        Reply set = reminders.set(spoken.matcher().matchText("remind me to take my tablets at 6 pm"), false);
        assertThat(set.text()).isEqualTo("All right. I'll remind you to take your tablets at 6 pm.");
        reminders.set(spoken.matcher().matchText("remind me every day to drink some water at 9 am"), true);
        assertThat(reminders.list().text()).contains("take your tablets at 6 pm", "drink some water at 9 am every day");
        // "Cancel that" is the reminder just set; once cancelled, "that" is nothing.
        assertThat(reminders.cancelLast().text()).contains("drink some water at 9 am every day");
        assertThat(reminders.cancelLast().key()).isEqualTo("reminder.cancel.nothing");
        assertThat(store.all()).extracting(Reminder::task).containsExactly("take your tablets");
    }

    @Test
    void withoutATimeItAsksForOne() {
        assertThat(reminders.set(spoken.matcher().matchText("remind me to take my tablets"), false).key())
                .isEqualTo("reminder.need.time");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void aReminderRingsInTheLanguageItWasSetInAndDoneStopsIt() {
        store.save(new Reminder(UUID.randomUUID(), null, Instant.parse("2026-03-10T08:30:00Z"), "hi"));
        reminders.restore();
        clock.advanceTo(Instant.parse("2026-03-10T08:30:00Z"));
        assertThat(said).last().asString().startsWith("hi: ");
        assertThat(spoken.replies().code()).isEqualTo("hi");
        assertThat(reminders.ringing()).isTrue();
        assertThat(reminders.done().key()).isEqualTo("reminder.done");
        assertThat(reminders.ringing()).isFalse();
        assertThat(reminders.done().key()).isEqualTo("reminder.nothing");
    }

    @Test
    void aReminderInALanguageNoLongerSpokenRingsInTheMainOne() {
        store.save(new Reminder(UUID.randomUUID(), null, Instant.parse("2026-03-10T08:30:00Z"), "pl"));
        reminders.restore();
        clock.advanceTo(Instant.parse("2026-03-10T08:30:00Z"));
        assertThat(said).last().asString().startsWith("en: It's 8:30 am.");
    }
}
