package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.intent.Tokens;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The answers alone, without matching; {@link CouncilFactsTest} asks the same questions in every
 * language through the assistant. Starts Tuesday 10 March 2026, 10:00 in London.
 */
@Tag("small")
class CouncilAnswersTest {

    private static final EnumSet<Intent> COUNCIL = EnumSet.of(Intent.COUNCIL_BINS_NEXT, Intent.COUNCIL_LIBRARY_HOURS,
            Intent.COUNCIL_TAX_PAY, Intent.COUNCIL_HELPLINE, Intent.COUNCIL_SOCIAL_CARE, Intent.BENEFITS_ADVICE);
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T10:00:00Z"),
            ZoneId.of("Europe/London"));
    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final SpokenLanguages spoken = new SpokenLanguages(List.of(LanguageResources.builtIn("en")), speaker,
            new SpeechRate(speaker, clock));
    private final Household home = new Household(DayOfWeek.THURSDAY, "A", "Central Library");

    private CouncilAnswers answers(String pack) {
        return new CouncilAnswers(spoken, clock, CouncilPack.builtIn(pack), home);
    }

    @Test
    void aSamplePackAnswersEveryCouncilQuestionWithNotSetUp() {
        CouncilAnswers sample = answers("leicester-sample");
        for (Intent intent : COUNCIL) {
            Reply r = sample.answer(intent, List.of());
            assertThat(r.intent()).isEqualTo(intent);
            assertThat(r.key()).as(intent.id()).isEqualTo("council.not.set.up");
        }
    }

    @Test
    void eachQuestionKeepsItsIntent() {
        CouncilAnswers checked = answers("testshire-checked");
        for (Intent intent : COUNCIL) {
            assertThat(checked.answer(intent, List.of()).intent()).isEqualTo(intent);
        }
    }

    @Test
    void theLibraryTodayOrTomorrowAsTheWordsSay() {
        CouncilAnswers checked = answers("testshire-checked");
        assertThat(checked.answer(Intent.COUNCIL_LIBRARY_HOURS, Tokens.of("is the library open today")).text())
                .isEqualTo("Central Library is open now until 5 pm.");
        assertThat(checked.answer(Intent.COUNCIL_LIBRARY_HOURS, Tokens.of("is the library open tomorrow")).text())
                .startsWith("Central Library").isNotEqualTo("Central Library is open now until 5 pm.");
    }

    @Test
    void anythingElseIsNotACouncilQuestion() {
        assertThatThrownBy(() -> answers("testshire-checked").answer(Intent.TIME_NOW, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
