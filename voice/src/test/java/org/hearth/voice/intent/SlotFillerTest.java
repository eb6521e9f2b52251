package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class SlotFillerTest {

    private static final SlotFiller EN = new SlotFiller(LanguageResources.builtIn("en"));

    @Test
    void replacesTheTaskAndTheTimeByTheirSlots() {
        SlotFiller.Filled f = EN.fill(Tokens.of("remind me to take my pills at half past six in the evening"));
        assertThat(f.tokens()).containsExactly("remind", "me", "to", "{task}", "at", "{time}");
        assertThat(f.slots().spokenTask()).contains("take your pills");
        assertThat(f.slots().timeOfDay()).contains(LocalTime.of(18, 30));
        assertThat(f.slots().timeHalfDayKnown()).isTrue();
    }

    @Test
    void theLongestValueSaidExactlyWins() {
        // "put in my eye drops" holds no shorter value, but "use my eye drops" is another way in.
        assertThat(EN.fill(Tokens.of("remind me to put in my eye drops")).slots().spokenTask())
                .contains("put in your eye drops");
    }

    @Test
    void oneWrongWordOfALongValueStillNamesItWhenOnlyOneFits() {
        SlotFiller.Filled f = EN.fill(Tokens.of("remind me to put in my eye drop at nine"));
        assertThat(f.tokens()).contains("{task}");
        assertThat(f.slots().spokenTask()).contains("put in your eye drops");
    }

    @Test
    void aWrongWordThatFitsSeveralValuesPlacesTheSlotButNamesNoTask() {
        // "feed the cot" is one word from the cat and from the dog: better "your reminder" than the wrong pet.
        SlotFiller.Filled f = EN.fill(Tokens.of("remind me to feed the cot at six"));
        assertThat(f.tokens()).containsExactly("remind", "me", "to", "{task}", "at", "{time}");
        assertThat(f.slots().spokenTask()).isEmpty();
    }

    @Test
    void wordsWithNoSlotAreLeftAlone() {
        SlotFiller.Filled f = EN.fill(Tokens.of("what day is it today"));
        assertThat(f.tokens()).containsExactly("what", "day", "is", "it", "today");
        assertThat(f.slots()).isEqualTo(new IntentMatch.Slots(null, false, null));
    }
}
