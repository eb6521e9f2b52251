package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 §4 in virtual time: "slower", "louder", "what can you do?", and daily reminders with
 * "done", "what are my reminders", "cancel that" and the missed-dose message. Starts Tuesday 10
 * March 2026, 08:00 in London (GMT).
 */
@Tag("small")
class ConversationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T08:00:00Z"), LONDON);
    private final FakeAlarmPort alarm = new FakeAlarmPort();
    private final InMemoryReminderStore store = new InMemoryReminderStore();
    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final Assistant assistant = assistant("en", speaker);

    private Assistant assistant(String lang, RecordingSpeaker out) {
        return new Assistant(LanguageResources.builtIn(lang), alarm, store, out, clock,
                CouncilPack.builtIn("testshire-checked"), new Household(DayOfWeek.THURSDAY, "A", "Central Library"),
                AssistantSettings.DEFAULT);
    }

    private long said(String part) {
        return speaker.said().stream().filter(s -> s.contains(part)).count();
    }

    @Test
    void slowerStepsDownToTheFloorAndTheNextDayStartsAtTheUsualRate() {
        assertThat(assistant.hearText("slower please").text())
                .isEqualTo("All right. I'll speak more slowly for the rest of today.");
        assertThat(speaker.rate()).hasValue(115);
        assistant.hearText("you are talking too fast");
        assertThat(speaker.rate()).hasValue(95);
        assistant.hearText("slow down");
        assertThat(speaker.rate()).hasValue(SpeechRate.SLOWEST_RATE);
        assertThat(assistant.hearText("slower").text()).isEqualTo("I can't speak any more slowly than this.");
        assertThat(speaker.rate()).hasValue(80);
        // Still today: the rate holds.
        clock.advanceTo(Instant.parse("2026-03-10T23:59:00Z"));
        assistant.hearText("what time is it");
        assertThat(speaker.rate()).hasValue(80);
        // The next day the first reply is at the usual rate again.
        clock.advanceTo(Instant.parse("2026-03-11T07:00:00Z"));
        assistant.hearText("what time is it");
        assertThat(speaker.rate()).hasValue(135);
    }

    @Test
    void slowerOrSayThatAgainAtACheckInAsksAgainUnderTheCheckInsRules() {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        Reply again = assistant.hearText("slower please");
        assertThat(again.text()).startsWith("Are you all right?");
        assertThat(again.expectsAnswer()).isTrue();
        assertThat(speaker.rate()).hasValue(115);
        assertThat(assistant.hearText("pardon").text()).startsWith("Are you all right?");
        // Still a check-in: a bare "yes" (the television, perhaps) does not cancel.
        assertThat(assistant.hearText("yes").text()).startsWith("I need to be sure.");
        assertThat(alarm.cancels()).isZero();
        assistant.hearText("yes I'm fine");
        assertThat(alarm.cancels()).isEqualTo(1);
    }

    @Test
    void slowerInHindiAnswersInHindi() {
        RecordingSpeaker hindiOut = new RecordingSpeaker();
        Assistant hindi = assistant("hi", hindiOut);
        assertThat(hindi.hearText("थोड़ा धीरे बोलिए").text()).isEqualTo("ठीक है। आज मैं और धीरे बोलूँगा।");
        assertThat(hindiOut.rate()).hasValue(115);
        assertThat(hindi.hearText("फिर से बोलिए").text()).isEqualTo("ठीक है। आज मैं और धीरे बोलूँगा।");
    }

    @Test
    void louderIsAnsweredHonestlyAndWhatCanYouDoListsTheSkills() {
        assertThat(assistant.hearText("louder please").text())
                .isEqualTo("I can't change my volume. Please turn the volume knob on the speaker.");
        assertThat(speaker.rate()).hasValue(135);
        Reply can = assistant.hearText("what can you do");
        assertThat(can.intent()).isEqualTo(Intent.CAPABILITIES);
        assertThat(can.text()).contains("call for help", "remind you", "bins").doesNotContain("{");
        assertThat(assistant.hearText("say that again").text()).isEqualTo(can.text());
        Assistant polish = assistant("pl", speaker);
        assertThat(polish.hearText("co pan potrafi").text()).startsWith("Mogę wezwać pomoc");
        assertThat(alarm.helpRaised()).isZero();
    }

    @Test
    void aDailyReminderRingsEveryDayAndDoneWaitsForTomorrow() {
        assertThat(assistant.hearText("remind me to take my tablets at nine every day").text())
                .isEqualTo("All right. I'll remind you to take your tablets at 9 am every day.");
        assertThat(store.all()).singleElement().satisfies(r -> assertThat(r.daily()).isTrue());

        clock.advanceTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(speaker.last()).isEqualTo("It's 9 am. Time to take your tablets. Say done when you have.");
        assertThat(assistant.hearText("I've taken my tablets").text()).isEqualTo("Well done. I've stopped the reminder.");
        clock.advanceTo(Instant.parse("2026-03-11T08:59:00Z"));
        assertThat(said("Time to take your tablets")).isEqualTo(1);
        // Still stored, due tomorrow at nine.
        assertThat(store.all()).singleElement()
                .satisfies(r -> assertThat(r.due()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z")));
        clock.advanceTo(Instant.parse("2026-03-11T09:00:00Z"));
        assertThat(said("Time to take your tablets")).isEqualTo(2);
        assertThat(assistant.hearText("done").text()).isEqualTo("Well done. I've stopped the reminder.");
        assertThat(alarm.missedReminders()).isEmpty();
    }

    @Test
    void aDailyReminderKeepsItsLocalTimeAcrossTheClockChange() {
        // British Summer Time starts on Sunday 29 March 2026: nine in the morning is then 08:00 UTC.
        clock.advanceTo(Instant.parse("2026-03-28T10:00:00Z"));
        assistant.hearText("remind me to take my tablets at 9 am every day");
        clock.advanceTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(speaker.last()).isEqualTo("It's 9 am. Time to take your tablets. Say done when you have.");
    }

    @Test
    void aDoseNotMarkedDoneAfterTheLastRingTellsTheFirstCarerOnceAndTheReminderComesBackTomorrow() {
        assistant.hearText("remind me every day to take my tablets at 6 pm");
        clock.advanceTo(Instant.parse("2026-03-10T18:00:00Z"));
        int rings = AssistantSettings.DEFAULT.reminderMaxRings();
        Duration lastRing = AssistantSettings.DEFAULT.reminderRepeat().multipliedBy(rings - 1);
        clock.advanceBy(lastRing.minusSeconds(1));
        assertThat(alarm.missedReminders()).isEmpty();
        clock.advanceBy(Duration.ofSeconds(1));
        assertThat(said("Time to take your tablets")).isEqualTo(rings);
        assertThat(alarm.missedReminders()).containsExactly("take your tablets");
        assertThat(alarm.helpRaised()).isZero();
        // The ringing stops; the next ring is tomorrow at six.
        clock.advanceTo(Instant.parse("2026-03-11T17:59:00Z"));
        assertThat(said("Time to take your tablets")).isEqualTo(rings);
        assertThat(alarm.missedReminders()).hasSize(1);
        clock.advanceTo(Instant.parse("2026-03-11T18:00:00Z"));
        assertThat(said("Time to take your tablets")).isEqualTo(rings + 1);
        assistant.hearText("done");
        clock.advanceBy(Duration.ofHours(3));
        assertThat(alarm.missedReminders()).hasSize(1);
    }

    @Test
    void aOneOffReminderThatRingsOutTellsNobody() {
        assistant.hearText("remind me to water the plants at 11 am");
        clock.advanceBy(Duration.ofHours(5));
        assertThat(said("Time to water the plants")).isEqualTo(AssistantSettings.DEFAULT.reminderMaxRings());
        assertThat(alarm.missedReminders()).isEmpty();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void whatAreMyRemindersListsThemSoonestFirst() {
        assertThat(assistant.hearText("what are my reminders").text()).isEqualTo("You have no reminders.");
        assistant.hearText("remind me to take my tablets at 6 pm every day");
        assistant.hearText("remind me at 11 am");
        assistant.hearText("remind me to take my tablets at 9 am every day");
        assertThat(assistant.hearText("what reminders have I got").text()).isEqualTo("Your reminders are: "
                + "take your tablets at 9 am every day; a reminder at 11 am; take your tablets at 6 pm every day.");
        Assistant urdu = assistant("ur", speaker);
        assertThat(urdu.hearText("میرے ریمائنڈر کیا ہیں").text()).startsWith("آپ کے ریمائنڈر: ").contains("ہر روز 9 بجے");
    }

    @Test
    void cancelThatCancelsTheReminderJustSet() {
        assistant.hearText("remind me to take my tablets at 6 pm");
        assistant.hearText("remind me to feed the cat at 5 pm");
        assertThat(assistant.hearText("cancel that").text())
                .isEqualTo("All right. I've cancelled the reminder: feed the cat at 5 pm.");
        assertThat(store.all()).extracting(Reminder::task).containsExactly("take your tablets");
        // Once: a second "cancel that" does not reach back to an older reminder.
        assertThat(assistant.hearText("cancel that").text()).startsWith("There is no reminder to cancel.");
        assertThat(store.all()).hasSize(1);
        clock.advanceBy(Duration.ofHours(12));
        assertThat(said("Time to feed the cat")).isZero();
    }

    @Test
    void cancelThatAfterARingCancelsTheDailyReminderThatRang() {
        assistant.hearText("remind me to take my tablets at 9 am every day");
        assistant.hearText("remind me to water the plants at 10 am");
        clock.advanceTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(assistant.hearText("cancel that reminder").text())
                .isEqualTo("All right. I've cancelled the reminder: take your tablets at 9 am every day.");
        assertThat(store.all()).extracting(Reminder::task).containsExactly("water the plants");
        clock.advanceTo(Instant.parse("2026-03-12T09:00:00Z"));
        assertThat(said("Time to take your tablets")).isEqualTo(1);
        assertThat(alarm.missedReminders()).isEmpty();
    }

    @Test
    void dontCancelThatCancelsNothingAndNeverTouchesAPreAlarm() {
        assistant.hearText("remind me to take my tablets at 6 pm");
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.hearText("don't cancel that");
        assertThat(store.all()).hasSize(1);
        assertThat(alarm.cancels()).isZero();
        assertThat(alarm.preAlarmOpen()).isTrue();
    }

    @Test
    void aDailyReminderSurvivesARestartAndStaysDaily() {
        assistant.hearText("remind me to take my tablets at 9 am every day");
        RecordingSpeaker after = new RecordingSpeaker();
        Assistant restarted = assistant("en", after);
        restarted.start();
        clock.advanceTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(after.said()).contains("It's 9 am. Time to take your tablets. Say done when you have.");
        restarted.hearText("done");
        assertThat(store.all()).singleElement().satisfies(r -> {
            assertThat(r.daily()).isTrue();
            assertThat(r.due()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
        });
    }

    @Test
    void afterALongStopADailyReminderRingsOnceAndMovesToItsNextTime() {
        store.save(new Reminder(java.util.UUID.randomUUID(), "take your tablets",
                Instant.parse("2026-03-07T09:00:00Z"), "en", true));
        assistant.start();
        clock.runDue();
        assertThat(speaker.last()).contains("Time to take your tablets");
        assistant.hearText("done");
        // Not the 8th, 9th or 10th missed days one after another: the next nine o'clock, today's (it is 08:00).
        assertThat(store.all()).singleElement()
                .satisfies(r -> assertThat(r.due()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z")));
        assertThat(said("Time to take your tablets")).isEqualTo(1);
    }
}
