package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("small")
class IntentMatcherTest {

    private static final IntentMatcher EN = new IntentMatcher(LanguageResources.builtIn("en"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i fallen and i can't get up | help.emergency",
        "please help me i've had a fall | help.emergency",
        "help | help.emergency",
        "i'm not okay | help.emergency",
        "i'm fine | alarm.cancel",
        "i don't need help | alarm.cancel",
        "it was a false alarm | alarm.cancel",
        "can you ring my son please | carer.call",
        "when do they empty my bins | council.bins.next",
        "is the library open today | council.library.hours",
        "how do i pay my council tax | council.tax.pay",
        "i need help with the computer | council.helpline",
        "i need help at home | council.social.care",
        "help with my universal credit | benefits.advice",
        "what's the time | time.now",
        "what day is it today | date.today",
        "say that again | repeat",
        "yes please | yes",
        "no thank you | no",
        "be quiet | stop",
        "i've taken my tablets | reminder.done",
    })
    void understandsNaturalPhrasings(String text, String intent) {
        assertThat(EN.matchText(text).intent().id()).isEqualTo(intent);
    }

    @Test
    void toleratesNearMissesFromTheRecogniser() {
        // Grammar mode can drop or change small words; the gist survives.
        assertThat(EN.match(List.of("i", "fallen", "and", "i", "can't", "get", "up"), 1.0).intent())
                .isEqualTo(Intent.HELP_EMERGENCY);
        assertThat(EN.match(List.of("when", "is", "my", "bin", "collected"), 1.0).intent())
                .isEqualTo(Intent.COUNCIL_BINS_NEXT);
        assertThat(EN.match(List.of("remind", "me", "to", "take", "my", "tablet", "at", "six", "pm"), 1.0).intent())
                .isEqualTo(Intent.REMINDER_SET);
    }

    @Test
    void aFragmentIsNobody() {
        assertThat(EN.matchText("call my").intent()).isEqualTo(Intent.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the weather is lovely today", "i had porridge for breakfast", "my grandson is coming on sunday",
        "what's on the television tonight", "i fell asleep in my chair", "i'm going to the shops",
        "the cat wants feeding", "hello", "good morning", "thank you very much", "is it going to rain",
        "can you play some music", "i'd like a cup of tea", "the kettle has boiled", "my daughter rang yesterday",
        "help yourself to biscuits", "that film was fine", "i can't find my glasses", "the bus was late",
        "turn the radio off", "fine weather for ducks", "cancel my newspaper", "i need a new kettle",
        "the fall of rome", "help the aged", "i'm going to bed",
    })
    void outOfDomainTextIsNeverAnEmergencyOrACancel(String text) {
        assertThat(EN.matchText(text).intent()).isNotIn(Intent.HELP_EMERGENCY, Intent.ALARM_CANCEL);
    }

    @Test
    void unknownWordsFromTheRecogniserAreNotAnEmergency() {
        List<String> heard = List.of(IntentMatcher.UNKNOWN, "help", IntentMatcher.UNKNOWN, IntentMatcher.UNKNOWN);
        assertThat(EN.match(heard, 1.0).intent()).isNotEqualTo(Intent.HELP_EMERGENCY);
    }

    @Test
    void readsTheReminderSlots() {
        IntentMatch m = EN.matchText("please remind me to take my pills at half past six in the evening");
        assertThat(m.intent()).isEqualTo(Intent.REMINDER_SET);
        assertThat(m.slots().spokenTask()).contains("take your pills");
        assertThat(m.slots().timeOfDay()).contains(LocalTime.of(18, 30));
        assertThat(m.slots().timeHalfDayKnown()).isTrue();
    }

    @Test
    void confidenceWeighsTheRecogniser() {
        IntentMatch sure = EN.match(List.of("help", "me"), 1.0);
        IntentMatch unsure = EN.match(List.of("help", "me"), 0.5);
        assertThat(sure.intent()).isEqualTo(unsure.intent());
        assertThat(unsure.confidence()).isLessThan(sure.confidence());
    }

    @Test
    void silenceIsNone() {
        assertThat(EN.match(List.of(), 1.0).intent()).isEqualTo(Intent.NONE);
    }
}
