package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in language, exhaustively by text: each template phrase is understood as its own intent. */
@Tag("small")
class LanguageTemplatesTest {

    private static final Set<Intent> REQUIRED = EnumSet.of(Intent.HELP_EMERGENCY, Intent.ALARM_CANCEL,
            Intent.CARER_CALL, Intent.COUNCIL_BINS_NEXT, Intent.TIME_NOW, Intent.DATE_TODAY, Intent.BENEFITS_ADVICE);
    private static final List<String> REQUIRED_REPLIES = List.of("help.raised", "help.confirm", "help.declined",
            "alarm.cancelled", "alarm.nothing", "carer.asked", "carer.asked.anyone", "carer.none", "bin.general",
            "bin.recycling", "bins.next", "bins.today", "bins.tomorrow", "bins.shifted", "bins.unknown", "time.now",
            "date.today", "ok", "not.understood", "checkin.prompt", "checkin.buttons", "format.time", "format.time.hour", "format.date",
            // the gateway's own news, spoken in the resident's language
            "carer.told", "carer.coming", "carers.unreachable", "carers.back", "voice.off",
            // the council pack's answers (issue 18 §3)
            "bin.garden", "list.and", "bins.subscription", "bins.food.unknown", "council.not.set.up", "council.expired",
            "council.expired.no.number", "council.unknown", "council.unknown.no.number", "benefits.pension.credit",
            "benefits.attendance.allowance", "benefits.local", "benefits.universal.credit");

    static Stream<String> languages() {
        return LanguageFile.BUILT_IN.stream();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void hasTheRequiredIntentsAndReplies(String code) {
        LanguageResources lang = LanguageResources.builtIn(code);
        assertThat(lang.code()).isEqualTo(code);
        assertThat(lang.intents()).containsAll(REQUIRED);
        assertThat(lang.replyKeys()).containsAll(REQUIRED_REPLIES);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyPhraseIsUnderstoodAsItsOwnIntent(String code) {
        LanguageResources lang = LanguageResources.builtIn(code);
        IntentMatcher matcher = new IntentMatcher(lang);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Intent, List<List<String>>> e : lang.phrases().entrySet()) {
            for (List<String> phrase : e.getValue()) {
                List<String> words = fillSlots(phrase);
                Intent got = matcher.match(words, 1.0).intent();
                checked++;
                if (got != e.getKey()) {
                    wrong.add(String.join(" ", words) + " -> " + got + " (expected " + e.getKey() + ")");
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(wrong).as(code + ": phrases understood as another intent").isEmpty();
    }

    @Test
    void englishHasEveryIntentWithDozensOfPhrasings() {
        LanguageResources en = LanguageResources.builtIn("en");
        assertThat(en.intents()).containsAll(EnumSet.allOf(Intent.class));
        for (Intent i : EnumSet.complementOf(EnumSet.of(Intent.NONE))) {
            assertThat(en.phrases().get(i)).as(i.id()).hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void everyEnglishReplyTheAssistantUsesExists() {
        LanguageResources en = LanguageResources.builtIn("en");
        assertThat(en.replyKeys()).containsAll(REQUIRED_REPLIES).contains("library.hours", "tax.pay", "helpline",
                "social.care", "line.hours", "hours.tomorrow.open", "hours.tomorrow.closed", "reminder.set", "reminder.set.generic", "reminder.need.time",
                "reminder.due", "reminder.due.generic", "reminder.done", "reminder.nothing", "repeat.nothing",
                "hours.open.now", "hours.open.later", "hours.closed.next", "hours.closed.tomorrow", "wake.ack",
                "bin.garden");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void grammarHasNoEmptyPhrase(String code) {
        assertThat(LanguageResources.builtIn(code).grammarPhrases()).allSatisfy(p -> assertThat(p).isNotBlank());
    }

    private static List<String> fillSlots(List<String> phrase) {
        List<String> out = new ArrayList<>();
        for (String t : phrase) {
            switch (t) {
                case "{task}" -> out.addAll(List.of("take", "my", "tablets"));
                case "{time}" -> out.addAll(List.of("six", "pm"));
                default -> out.add(t);
            }
        }
        return out;
    }
}
