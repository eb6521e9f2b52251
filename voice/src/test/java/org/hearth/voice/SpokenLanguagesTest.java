package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.intent.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class SpokenLanguagesTest {

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T08:00:00Z"),
            ZoneId.of("Europe/London"));
    /** What was said, each line with its language. */
    private final List<String> said = new ArrayList<>();
    private final Speaker speaker = (text, language) -> said.add(language + ": " + text);

    private SpokenLanguages household(String... codes) {
        return new SpokenLanguages(List.of(codes).stream().map(LanguageResources::builtIn).toList(), speaker,
                new SpeechRate(speaker, clock));
    }

    @Test
    void aHouseholdNeedsALanguage() {
        assertThatThrownBy(() -> new SpokenLanguages(List.of(), speaker, new SpeechRate(speaker, clock)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConversationStartsInTheMainLanguage() {
        SpokenLanguages spoken = household("hi", "en");
        assertThat(spoken.main()).isEqualTo("hi");
        assertThat(spoken.replies().code()).isEqualTo("hi");
        assertThat(spoken.matcher().language().code()).isEqualTo("hi");
        assertThat(spoken.speaks("en")).isTrue();
        assertThat(spoken.speaks("pl")).isFalse();
    }

    @Test
    void typedWordsAreInTheLanguageTheyMatchAndARecognisersHearingInItsOwn() {
        SpokenLanguages spoken = household("en", "hi");
        assertThat(spoken.languageOf(Heard.text(Tokens.of("अभी कितने बजे हैं")))).isEqualTo("hi");
        assertThat(spoken.languageOf(Heard.text(Tokens.of("what time is it")))).isEqualTo("en");
        spoken.converseIn("hi");
        assertThat(spoken.languageOf(Heard.silence(Heard.Timing.NONE))).isEqualTo("hi");
    }

    @Test
    void newsIsSaidInEveryLanguageMainFirstAndLeavesTheConversationInTheMainOne() {
        SpokenLanguages spoken = household("pl", "en");
        spoken.converseIn("en");
        Reply first = spoken.inEveryLanguage(() -> spoken.say(Intent.NONE, "voice.off", Map.of()));
        assertThat(said).containsExactly(
                "pl: " + LanguageResources.builtIn("pl").reply("voice.off").orElseThrow(),
                "en: " + LanguageResources.builtIn("en").reply("voice.off").orElseThrow());
        assertThat(first.text()).isEqualTo(said.get(0).substring(4));
        assertThat(spoken.replies().code()).isEqualTo("pl");
    }

    @Test
    void sayThatAgainRepeatsTheLastReplyInItsOwnLanguage() {
        SpokenLanguages spoken = household("en", "hi");
        assertThat(spoken.repeat().key()).isEqualTo("repeat.nothing");
        spoken.converseIn("hi");
        Reply hindi = spoken.speak(spoken.say(Intent.TIME_NOW, "ok", Map.of()));
        spoken.converseIn("en");
        Reply again = spoken.repeat();
        assertThat(again.text()).isEqualTo(hindi.text());
        assertThat(again.intent()).isEqualTo(Intent.REPEAT);
        assertThat(spoken.replies().code()).isEqualTo("hi");
    }
}
