package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.Hypothesis;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Conversations in virtual time, by text, with fake ports. Starts Tuesday 10 March 2026, 10:00 in London. */
@Tag("small")
class AssistantTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T10:00:00Z"), LONDON);
    private final FakeAlarmPort alarm = new FakeAlarmPort();
    private final InMemoryReminderStore reminders = new InMemoryReminderStore();
    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final Assistant assistant = assistant("en", reminders);

    private Assistant assistant(String lang, ReminderStore store) {
        return new Assistant(LanguageResources.builtIn(lang), alarm, store, speaker, clock,
                CouncilPack.builtIn("testshire-checked"), new Household(DayOfWeek.THURSDAY, "A", "Central Library"),
                AssistantSettings.DEFAULT);
    }

    @Test
    void aClearCallForHelpRaisesTheAlarmAtOnce() {
        Reply r = assistant.hearText("help I've fallen");
        assertThat(r.intent()).isEqualTo(Intent.HELP_EMERGENCY);
        assertThat(alarm.helpRaised()).isEqualTo(1);
        assertThat(speaker.last()).contains("calling for help");
    }

    @Test
    void anUnsureCallForHelpIsConfirmedFirst() {
        Reply r = assistant.hear(new Heard(List.of("help", "me"), 0.6, Heard.Timing.NONE));
        assertThat(r.text()).isEqualTo("Did you say you need help? Say yes or no.");
        assertThat(r.expectsAnswer()).isTrue();
        assertThat(alarm.helpRaised()).isZero();

        assistant.hearText("yes");
        assertThat(alarm.helpRaised()).isEqualTo(1);
    }

    @Test
    void noAfterTheQuestionCallsNobody() {
        assistant.hear(new Heard(List.of("help", "me"), 0.6, Heard.Timing.NONE));
        Reply r = assistant.hearText("no");
        assertThat(r.text()).contains("won't call anyone");
        assertThat(alarm.helpRaised()).isZero();
    }

    @Test
    void silenceAfterTheQuestionCountsAsYes() {
        assistant.hear(new Heard(List.of("help", "me"), 0.6, Heard.Timing.NONE));
        assistant.hear(Heard.silence(Heard.Timing.NONE));
        assertThat(alarm.helpRaised()).isEqualTo(1);
    }

    @Test
    void twoUnclearAnswersCountAsYes() {
        assistant.hear(new Heard(List.of("help", "me"), 0.6, Heard.Timing.NONE));
        assertThat(assistant.hearText("the weather is lovely").expectsAnswer()).isTrue();
        assistant.hearText("good morning");
        assertThat(alarm.helpRaised()).isEqualTo(1);
    }

    @Test
    void silenceWithNoQuestionSaysNothing() {
        Reply r = assistant.hear(Heard.silence(Heard.Timing.NONE));
        assertThat(r.isQuiet()).isTrue();
        assertThat(speaker.said()).isEmpty();
    }

    @Test
    void imFineCancelsAnOpenPreAlarmInVirtualTime() {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        clock.advanceBy(Duration.ofSeconds(20));
        Reply r = assistant.hearText("I'm fine");
        assertThat(r.intent()).isEqualTo(Intent.ALARM_CANCEL);
        assertThat(r.text()).contains("cancelled the alarm");
        clock.advanceBy(Duration.ofMinutes(5));
        assertThat(alarm.alertsFromPreAlarm()).isZero();
        assertThat(alarm.cancels()).isEqualTo(1);
    }

    @Test
    void withoutAPreAlarmTheCancelSaysSo() {
        assertThat(assistant.hearText("cancel the alarm").text()).isEqualTo("There is no alarm to cancel.");
    }

    @Test
    void checkInBareYesIsAskedAgainImFineCancelsNoRaisesSilenceLetsItRunOut() {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assertThat(assistant.checkIn().expectsAnswer()).isTrue();
        assertThat(speaker.last()).startsWith("Are you all right?");
        // A bare "yes" may be the television; only a cancel phrase cancels.
        Reply again = assistant.hearText("yes");
        assertThat(again.expectsAnswer()).isTrue();
        assertThat(again.text()).contains("say I'm fine");
        assertThat(alarm.cancels()).isZero();
        assistant.hearText("yes I'm fine");
        assertThat(alarm.cancels()).isEqualTo(1);

        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        assistant.hearText("no");
        assertThat(alarm.helpRaised()).isEqualTo(1);

        FakeAlarmPort quiet = new FakeAlarmPort();
        Assistant other = new Assistant(LanguageResources.builtIn("en"), quiet, reminders, speaker, clock,
                CouncilPack.builtIn("leicester"), Household.UNKNOWN, AssistantSettings.DEFAULT);
        quiet.openPreAlarm(clock, Duration.ofSeconds(60));
        other.checkIn();
        other.hear(Heard.silence(Heard.Timing.NONE));
        clock.advanceBy(Duration.ofSeconds(61));
        assertThat(quiet.alertsFromPreAlarm()).isEqualTo(1);
        assertThat(quiet.helpRaised()).isZero();
    }

    @Test
    void atACheckInNotFineRaisesHelpAtOnce() {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        assistant.hearText("no, I'm not fine");
        assertThat(alarm.helpRaised()).isEqualTo(1);
        assertThat(alarm.cancels()).isZero();
    }

    @Test
    void atACheckInACancelWithRivalsCloseBehindIsAskedAgainThenLeftToRunOut() {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        // What espeak-ng's "are you all right?" at 175 wpm is heard as: best "i'm all right", but close behind
        // readings that are no cancel. Vosk's lattice beam is 2.
        Heard tv = new Heard(List.of("i'm", "all", "right"), 0.53,
                List.of(new Hypothesis(List.of("are", "you", "all", "right"), 0.18),
                        new Hypothesis(List.of("you", "all", "right"), 0.55)), 2.0, Heard.Timing.NONE);
        assertThat(tv.share(w -> w.equals(List.of("i'm", "all", "right")))).isLessThan(0.45);
        assertThat(assistant.hear(tv).text()).startsWith("I need to be sure.");
        assertThat(assistant.hear(tv).expectsAnswer()).isFalse();
        clock.advanceBy(Duration.ofSeconds(61));
        assertThat(alarm.cancels()).isZero();
        assertThat(alarm.alertsFromPreAlarm()).isEqualTo(1);
    }

    @Test
    void atACheckInALoneClearReadingOfACancelCancels() {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        Heard fine = new Heard(List.of("yes", "i'm", "fine"), 0.83, List.of(), 2.0, Heard.Timing.NONE);
        assertThat(fine.share(w -> true)).isCloseTo(0.88, org.assertj.core.data.Offset.offset(0.01));
        assistant.hear(fine);
        assertThat(alarm.cancels()).isEqualTo(1);
    }

    @Test
    void carerCallNamesTheCarer() {
        assertThat(assistant.hearText("ask my daughter to call me").text()).isEqualTo("I've asked Priya to call you.");
        assertThat(alarm.carerCalls()).isEqualTo(1);
    }

    @Test
    void binsAnswerWithStreamAndDate() {
        // Thursday 12 March 2026 is nine weeks after round A's recycling week of 5 January: general waste.
        assertThat(assistant.hearText("when is my bin day").text())
                .startsWith("Your next collection is general waste, on Thursday 12 March. The council collects garden");
    }

    @Test
    void binsTomorrowAndBankHolidayShift() {
        // Wednesday 1 April 2026 (12 weeks on: recycling). Good Friday is the 3rd; Thursday the 2nd is before it.
        clock.advanceTo(Instant.parse("2026-04-01T09:00:00Z"));
        assertThat(assistant.hearText("when do they empty my bins").text())
                .startsWith("Your recycling collection is tomorrow, Thursday 2 April. The council");
        // Tuesday 7 April: Easter Monday the 6th pushes Thursday to Friday.
        clock.advanceTo(Instant.parse("2026-04-07T09:00:00Z"));
        assertThat(assistant.hearText("which bin goes out this week").text())
                .startsWith("Your next collection is general waste, on Friday 10 April."
                        + " That is 1 day later than usual, because of Easter Monday. The council");
    }

    @Test
    void libraryTaxHelplineCareAndBenefits() {
        assertThat(assistant.hearText("is the library open today").text())
                .isEqualTo("Central Library is open now until 5 pm.");
        assertThat(assistant.hearText("how do I pay my council tax").text())
                .isEqualTo("You can pay your council tax by phone on 0116 496 0007. The line is open now until 5 pm.");
        assertThat(assistant.hearText("I can't use the computer").text()).contains("safety net helpline", "0116 496 0001");
        // No hours in the pack for this line: none are said.
        assertThat(assistant.hearText("I need help at home").text())
                .isEqualTo("For help and care at home, call adult social care on 0116 496 0004.");
        assertThat(assistant.hearText("help with my universal credit").text())
                .contains("Pension Credit", "0800 99 1234", "Attendance Allowance", "0800 731 0122", "welfare rights",
                        "0116 496 0008");
    }

    @Test
    void libraryClosedOnSunday() {
        clock.advanceTo(Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(assistant.hearText("when does the library open").text())
                .isEqualTo("Central Library is closed now. It opens tomorrow at 9:30 am.");
    }

    @Test
    void timeAndDate() {
        assertThat(assistant.hearText("what time is it").text()).isEqualTo("It's 10 am.");
        clock.advanceBy(Duration.ofMinutes(95));
        assertThat(assistant.hearText("what's the time").text()).isEqualTo("It's 11:35 am.");
        assertThat(assistant.hearText("what's the date today").text()).isEqualTo("Today is Tuesday 10 March.");
    }

    @Test
    void reminderIsSaidAtItsTimeAndAgainUntilDone() {
        Reply set = assistant.hearText("remind me to take my tablets at 6 pm");
        assertThat(set.text()).isEqualTo("All right. I'll remind you to take your tablets at 6 pm.");
        assertThat(reminders.all()).hasSize(1);

        clock.advanceTo(Instant.parse("2026-03-10T17:59:00Z"));
        assertThat(speaker.last()).isEqualTo(set.text());
        clock.advanceTo(Instant.parse("2026-03-10T18:00:00Z"));
        assertThat(speaker.last()).isEqualTo("It's 6 pm. Time to take your tablets. Say done when you have.");
        clock.advanceBy(Duration.ofMinutes(5));
        assertThat(speaker.last()).isEqualTo("It's 6:05 pm. Time to take your tablets. Say done when you have.");

        assertThat(assistant.hearText("done").text()).isEqualTo("Well done. I've stopped the reminder.");
        assertThat(reminders.all()).isEmpty();
        int said = speaker.said().size();
        clock.advanceBy(Duration.ofHours(2));
        assertThat(speaker.said()).hasSize(said);
    }

    @Test
    void reminderSurvivesARestart() {
        assistant.hearText("remind me to drink some water at half past three in the afternoon");
        // The daemon stops; a new assistant starts on the same store.
        RecordingSpeaker after = new RecordingSpeaker();
        Assistant restarted = new Assistant(LanguageResources.builtIn("en"), alarm, reminders, after, clock,
                CouncilPack.builtIn("leicester"), Household.UNKNOWN, AssistantSettings.DEFAULT);
        VirtualScheduler fresh = clock;
        restarted.start();
        fresh.advanceTo(Instant.parse("2026-03-10T15:30:00Z"));
        assertThat(after.said()).contains("It's 3:30 pm. Time to drink some water. Say done when you have.");
    }

    @Test
    void anOverdueReminderRingsAtStart() {
        reminders.save(new Reminder(java.util.UUID.randomUUID(), "take your pills",
                Instant.parse("2026-03-10T08:00:00Z"), "en"));
        Assistant restarted = assistant("en", reminders);
        restarted.start();
        clock.runDue();
        assertThat(speaker.last()).contains("Time to take your pills");
        assertThat(restarted.hearText("yes").text()).isEqualTo("Well done. I've stopped the reminder.");
    }

    @Test
    void aReminderWithoutATimeAsksForOne() {
        assertThat(assistant.hearText("remind me to take my tablets").text()).startsWith("What time should I remind you?");
        assertThat(reminders.all()).isEmpty();
    }

    @Test
    void atSixMeansTheNextSix() {
        Reply r = assistant.hearText("remind me to take my tablets at six");
        assertThat(r.text()).endsWith("at 6 pm.");
    }

    @Test
    void anUnansweredReminderStopsAfterItsRings() {
        assistant.hearText("remind me at 11 am");
        clock.advanceBy(Duration.ofHours(3));
        long rings = speaker.said().stream().filter(s -> s.contains("This is your reminder")).count();
        assertThat(rings).isEqualTo(AssistantSettings.DEFAULT.reminderMaxRings());
        assertThat(reminders.all()).isEmpty();
    }

    @Test
    void repeatSaysTheLastReplyAgainAndStopSilences() {
        assistant.hearText("what time is it");
        assertThat(assistant.hearText("say that again").text()).isEqualTo("It's 10 am.");
        Reply stop = assistant.hearText("be quiet");
        assertThat(stop.isQuiet()).isTrue();
        assertThat(speaker.stops()).isEqualTo(1);
    }

    @Test
    void notUnderstoodIsSpoken() {
        assertThat(assistant.hearText("purple elephants dance").text())
                .isEqualTo("Sorry, I didn't catch that. Please say it again, or press the button.");
    }

    @Test
    void otherLanguagesAnswerInTheirOwnWords() {
        Assistant hindi = assistant("hi", reminders);
        assertThat(hindi.hearText("मदद करो").intent()).isEqualTo(Intent.HELP_EMERGENCY);
        assertThat(speaker.last()).isEqualTo("मैं अभी मदद बुला रहा हूँ। जहाँ हैं वहीं रहिए।");
        alarm.openPreAlarm(clock, Duration.ofMinutes(1));
        assertThat(hindi.hearText("मैं ठीक हूँ").text()).startsWith("ठीक है, मैंने अलार्म बंद कर दिया");
        Assistant polish = assistant("pl", reminders);
        assertThat(polish.hearText("która godzina").text()).isEqualTo("Jest godzina 10:00.");
        assertThat(polish.hearText("zadzwoń do córki").text()).isEqualTo("Poprosiłem, żeby Priya do ciebie zadzwonił.");
    }

    @Test
    void aCarerlessHomeIsToldSo() {
        Assistant lonely = new Assistant(LanguageResources.builtIn("en"), new FakeAlarmPort(Optional.empty()),
                reminders, speaker, clock, CouncilPack.builtIn("leicester"), Household.UNKNOWN,
                AssistantSettings.DEFAULT);
        assertThat(lonely.hearText("call my son").text()).startsWith("No carer is set up yet.");
        assertThat(lonely.hearText("when is bin day").text()).startsWith("I don't know your bin collection day");
    }
}
