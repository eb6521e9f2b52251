package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the assistant says from a council pack (issue 18 §3): a sample speaks none of its invented
 * facts, an expired pack only the main number, a fact without a source is not known, benefits
 * start with the pensioners' lines, bins name what the council collects, and "tomorrow" is
 * tomorrow. In virtual time; the languages' own words are read from their files, so a reply in the
 * wrong language fails.
 */
@Tag("small")
class CouncilFactsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Typed questions each language's matcher knows: bins and benefits (the other council intents are English only). */
    private static final Map<String, String> BINS = Map.of("en", "when is my bin day", "hi", "कूड़ा कब उठेगा",
            "ur", "کوڑا کب اٹھایا جائے گا", "pa", "ਕੂੜਾ ਕਦੋਂ ਚੁੱਕਿਆ ਜਾਵੇਗਾ", "gu", "કચરો ક્યારે લઈ જશે",
            "pl", "kiedy jest wywóz śmieci", "bn", "ময়লা কবে নেবে");
    private static final Map<String, String> BENEFITS = Map.of("en", "can I get pension credit",
            "hi", "क्या मुझे पेंशन क्रेडिट मिल सकता है", "ur", "کیا مجھے پنشن کریڈٹ مل سکتا ہے",
            "pa", "ਕੀ ਮੈਨੂੰ ਪੈਨਸ਼ਨ ਕ੍ਰੈਡਿਟ ਮਿਲ ਸਕਦਾ ਹੈ", "gu", "શું મને પેન્શન ક્રેડિટ મળી શકે",
            "pl", "czy mogę dostać pension credit", "bn", "আমি কি পেনশন ক্রেডিট পেতে পারি");

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-12-05T10:00:00Z"), LONDON);

    private Assistant assistant(String lang, String pack, Household household) {
        return new Assistant(LanguageResources.builtIn(lang), new FakeAlarmPort(), new InMemoryReminderStore(),
                new RecordingSpeaker(), clock, CouncilPack.builtIn(pack), household, AssistantSettings.DEFAULT);
    }

    private static String reply(String lang, String key) {
        return LanguageResources.builtIn(lang).reply(key).orElseThrow(() -> new AssertionError(lang + " has no " + key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "ur", "pa", "gu", "pl", "bn"})
    void aSamplePackSpeaksNoneOfItsInventedFacts(String lang) {
        Assistant a = assistant(lang, "leicester-sample", new Household(DayOfWeek.TUESDAY, "A", "Central Library"));
        for (String question : new String[] {BINS.get(lang), BENEFITS.get(lang)}) {
            Reply r = a.hearText(question);
            assertThat(r.intent()).as(question).isIn(Intent.COUNCIL_BINS_NEXT, Intent.BENEFITS_ADVICE);
            assertThat(r.text()).as(question).isEqualTo(reply(lang, "council.not.set.up")).doesNotContainPattern("[0-9]");
        }
    }

    @Test
    void aSamplePackAnswersNoEnglishCouncilQuestion() {
        Assistant a = assistant("en", "leicester-sample", new Household(DayOfWeek.TUESDAY, "A", "Central Library"));
        for (String q : new String[] {"is the library open today", "how do I pay my council tax", "I need help at home",
                "I can't use the computer", "what benefits can I get"}) {
            assertThat(a.hearText(q).text()).as(q).isEqualTo(reply("en", "council.not.set.up"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "ur", "pa", "gu", "pl", "bn"})
    void anExpiredPackGivesOnlyTheMainNumber(String lang) {
        Assistant a = assistant(lang, "testshire-checked", new Household(DayOfWeek.THURSDAY, "A", null));
        clock.advanceTo(Instant.parse("2027-12-31T22:00:00Z"));   // the last day (London): still answered
        assertThat(a.hearText(BINS.get(lang)).text()).doesNotContain("0116 496 0000");
        clock.advanceTo(Instant.parse("2028-01-01T00:00:00Z"));   // the day after
        for (String question : new String[] {BINS.get(lang), BENEFITS.get(lang)}) {
            assertThat(a.hearText(question).text()).as(question).isEqualTo(reply(lang, "council.expired")
                    .replace("{council}", "Testshire Council").replace("{phone}", "0116 496 0000"));
        }
    }

    @Test
    void anExpiredPackWithoutAMainNumberSaysSoAndGivesNoNumber() {
        Assistant a = assistant("en", "leicester", Household.UNKNOWN);
        clock.advanceTo(Instant.parse("2027-03-06T12:00:00Z"));   // leicester.yaml expires 2027-03-05
        assertThat(a.hearText("what benefits can I get").text())
                .isEqualTo("My details for Leicester City Council may be out of date, so I can't answer that."
                        + " Please ask your carer to check with the council.");
    }

    @Test
    void aFactWithoutASourceIsNotKnownAndTheMainNumberIsGiven() {
        Assistant a = assistant("en", "testshire-checked", new Household(DayOfWeek.THURSDAY, "A", "Highfields Library"));
        assertThat(a.hearText("is the library open today").text())
                .isEqualTo("I'm sorry, I don't know that. You could call Testshire Council on 0116 496 0000.");
        // Leicester has no sourced library hours and no sourced main number.
        Assistant leicester = assistant("en", "leicester", Household.UNKNOWN);
        assertThat(leicester.hearText("is the library open today").text())
                .isEqualTo("I'm sorry, I don't know that yet. Please ask your carer to check with Leicester City Council.");
        assertThat(leicester.hearText("I can't use the computer").text()).doesNotContainPattern("[0-9]");
    }

    @Test
    void leicesterAnswersFromItsSourcedLines() {
        Assistant a = assistant("en", "leicester", Household.UNKNOWN);
        assertThat(a.hearText("how do I pay my council tax").text())
                .isEqualTo("You can pay your council tax by phone on 0116 454 1005.");
        assertThat(a.hearText("I need help at home").text())
                .isEqualTo("For help and care at home, call adult social care on 0116 454 1004.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "ur", "pa", "gu", "pl", "bn"})
    void benefitsStartWithPensionCreditAndAttendanceAllowance(String lang) {
        Reply r = assistant(lang, "leicester", Household.UNKNOWN).hearText(BENEFITS.get(lang));
        assertThat(r.intent()).isEqualTo(Intent.BENEFITS_ADVICE);
        assertThat(r.text()).isEqualTo(reply(lang, "benefits.pension.credit").replace("{phone}", "0800 99 1234") + " "
                + reply(lang, "benefits.attendance.allowance").replace("{phone}", "0800 731 0122"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "ur", "pa", "gu", "pl", "bn"})
    void leicesterBinsNameBothWeeklyStreamsAndSayWhatIsNotCollected(String lang) {
        // Saturday 5 December 2026; a Tuesday household: Tuesday 8 December.
        Reply r = assistant(lang, "leicester", new Household(DayOfWeek.TUESDAY, "weekly", null)).hearText(BINS.get(lang));
        assertThat(r.intent()).isEqualTo(Intent.COUNCIL_BINS_NEXT);
        String both = reply(lang, "bin.general") + " " + reply(lang, "list.and") + " " + reply(lang, "bin.recycling");
        assertThat(r.text()).contains(both)
                .contains(reply(lang, "bins.subscription").replace("{bin}", reply(lang, "bin.garden")))
                .endsWith(reply(lang, "bins.food.unknown"));
        if (lang.equals("en")) {
            assertThat(r.text()).isEqualTo("Your next collection is general waste and recycling, on Tuesday 8 December."
                    + " The council collects garden waste only for homes that pay for its garden waste service."
                    + " I don't know yet whether the council collects food waste.");
        }
    }

    @Test
    void theLibraryTomorrowIsTomorrow() {
        clock.advanceTo(Instant.parse("2026-12-08T10:00:00Z"));   // Tuesday; Wednesday is 09:30-19:00
        Assistant a = assistant("en", "testshire-checked", new Household(DayOfWeek.THURSDAY, "A", "Central Library"));
        assertThat(a.hearText("is the library open today").text()).isEqualTo("Central Library is open now until 5 pm.");
        assertThat(a.hearText("is the library open tomorrow").text())
                .isEqualTo("Central Library is open tomorrow from 9:30 am to 7 pm.");
        assertThat(a.hearText("what time does the library open tomorrow").text())
                .isEqualTo("Central Library is open tomorrow from 9:30 am to 7 pm.");
        clock.advanceTo(Instant.parse("2026-12-12T10:00:00Z"));   // Saturday; Sunday is closed
        assertThat(a.hearText("can I go to the library tomorrow").text()).isEqualTo("Central Library is closed tomorrow.");
    }
}
