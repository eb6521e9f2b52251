package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.Hypothesis;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.intent.Tokens;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class CheckInTest {

    private static final LanguageResources EN = LanguageResources.builtIn("en");
    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final SpeechRate rate = new SpeechRate(speaker,
            new VirtualScheduler(Instant.parse("2026-03-10T08:00:00Z"), ZoneId.of("UTC")));
    private final SpokenLanguages spoken = new SpokenLanguages(List.of(EN), speaker, rate);
    private int raised;
    private int cancelled;
    private final CheckIn checkIn = new CheckIn(spoken, AssistantSettings.DEFAULT, rate, () -> {
        raised++;
        return spoken.say(Intent.HELP_EMERGENCY, "help.raised", Map.of());
    }, () -> {
        cancelled++;
        return spoken.say(Intent.ALARM_CANCEL, "alarm.cancelled", Map.of());
    });

    private Optional<Reply> answer(Heard heard) {
        return checkIn.answer(heard, spoken.matcher().match(heard.words(), heard.confidence(), heard.alternatives()));
    }

    private Optional<Reply> answer(String text) {
        return answer(Heard.text(Tokens.of(text)));
    }

    @Test
    void theQuestionNamesTheButtonsOnlyWhereNothingListens() {
        assertThat(checkIn.ask(Set.of("en")).key()).isEqualTo("checkin.prompt");
        assertThat(checkIn.isOpen()).isTrue();
        assertThat(checkIn.ask(Set.of()).key()).isEqualTo("checkin.buttons");
        assertThat(speaker.said()).containsExactly(EN.reply("checkin.prompt").orElseThrow(),
                EN.reply("checkin.buttons").orElseThrow());
    }

    @Test
    void noOrNotFineRaisesHelpAtOnce() {
        checkIn.ask(Set.of("en"));
        assertThat(answer("no")).get().extracting(Reply::key).isEqualTo("help.raised");
        assertThat(checkIn.isOpen()).isFalse();
        checkIn.ask(Set.of("en"));
        answer("no I'm not fine");
        assertThat(raised).isEqualTo(2);
        assertThat(cancelled).isZero();
    }

    @Test
    void aWholeCancelPhraseCancels() {
        checkIn.ask(Set.of("en"));
        answer("yes I'm fine");
        assertThat(cancelled).isEqualTo(1);
        assertThat(checkIn.isOpen()).isFalse();
    }

    @Test
    void aBareYesIsAskedAgainOnceThenLeftToThePreAlarm() {
        checkIn.ask(Set.of("en"));
        assertThat(answer("yes")).get().extracting(Reply::key).isEqualTo("checkin.again");
        assertThat(checkIn.isOpen()).isTrue();
        assertThat(answer("yes")).get().extracting(Reply::key).isEqualTo("not.understood");
        assertThat(checkIn.isOpen()).isFalse();
        assertThat(raised + cancelled).isZero();
    }

    @Test
    void aCancelTheRecognisersReadingsDoNotAgreeOnIsAskedAgain() {
        checkIn.ask(Set.of("en"));
        Heard doubtful = new Heard(List.of("i'm", "all", "right"), 0.53,
                List.of(new Hypothesis(List.of("are", "you", "all", "right"), 0.18)), 2.0, Heard.Timing.NONE);
        assertThat(answer(doubtful)).get().extracting(Reply::key).isEqualTo("checkin.again");
        assertThat(cancelled).isZero();
    }

    @Test
    void slowerAsksAgainMoreSlowlyAndKeepsTheCheckInOpen() {
        checkIn.ask(Set.of("en"));
        assertThat(answer("slower please")).get().extracting(Reply::key).isEqualTo("checkin.prompt");
        assertThat(speaker.rate()).hasValue(135 - SpeechRate.RATE_STEP);
        assertThat(checkIn.isOpen()).isTrue();
    }

    @Test
    void aQuestionClosesTheCheckInAndIsLeftToTheAssistant() {
        checkIn.ask(Set.of("en"));
        assertThat(answer("what time is it")).isEmpty();
        assertThat(checkIn.isOpen()).isFalse();
    }
}
