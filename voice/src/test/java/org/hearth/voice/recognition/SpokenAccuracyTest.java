package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hearth.voice.Heard;
import org.hearth.voice.testkit.BenchPhrases;
import org.hearth.voice.testkit.ClipSynthesizer;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;
import org.hearth.voice.intent.IntentMatcher;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * English speech through the real model in grammar mode. Phrases are sampled from the templates
 * (seeded), spoken by several espeak-ng voices at two rates, clean and with pink noise at 20 dB and
 * 10 dB SNR. The aims are 97 % intent accuracy clean and 90 % at 10 dB; the asserted floors sit a
 * little under the aims, because synthetic voices on a sample this size swing by a few clips.
 */
@Tag("medium")
class SpokenAccuracyTest {

    private static final String[] VOICES = {"en-gb", "en-us", "en-gb-x-rp", "en-gb-scotland"};
    private static final int[] RATES = {130, 175};
    private static final int PER_INTENT = 6;

    private static final VoskSpeechRecognizer RECOGNIZER = TestModel.freshEnglish();

    private final LanguageResources en = LanguageResources.builtIn("en");
    private final IntentMatcher matcher = new IntentMatcher(en);

    /** What a resident would most likely say for each intent. */
    private static final Map<Intent, String> TYPICAL = typical();

    private static Map<Intent, String> typical() {
        Map<Intent, String> m = new EnumMap<>(Intent.class);
        m.put(Intent.HELP_EMERGENCY, "help i've fallen");
        m.put(Intent.ALARM_CANCEL, "i'm fine");
        m.put(Intent.CARER_CALL, "call my daughter");
        m.put(Intent.COUNCIL_BINS_NEXT, "when is my bin collection");
        m.put(Intent.COUNCIL_LIBRARY_HOURS, "when is the library open");
        m.put(Intent.COUNCIL_TAX_PAY, "how do i pay my council tax");
        m.put(Intent.COUNCIL_HELPLINE, "what's the council phone number");
        m.put(Intent.COUNCIL_SOCIAL_CARE, "i need help at home");
        m.put(Intent.BENEFITS_ADVICE, "i need help with my benefits");
        m.put(Intent.TIME_NOW, "what time is it");
        m.put(Intent.DATE_TODAY, "what's the date today");
        m.put(Intent.REMINDER_SET, "remind me to take my tablets at six pm");
        m.put(Intent.REMINDER_DONE, "i've taken my tablets");
        m.put(Intent.REMINDER_DAILY, "remind me to take my tablets at nine every day");
        m.put(Intent.REMINDER_LIST, "what are my reminders");
        m.put(Intent.REMINDER_CANCEL, "cancel that reminder");
        m.put(Intent.SPEECH_SLOWER, "slower please");
        m.put(Intent.SPEECH_LOUDER, "louder please");
        m.put(Intent.CAPABILITIES, "what can you do");
        m.put(Intent.REPEAT, "say that again");
        m.put(Intent.YES, "yes");
        m.put(Intent.NO, "no");
        m.put(Intent.STOP, "stop");
        return m;
    }

    /**
     * Every intent is heard from its typical phrasing. Vosk's scores for a few phrases sit within a
     * hair of a wrong reading, and Vosk adapts to what it heard before (even across recognisers in
     * one process), so a single clip can flip with test order. Each phrase is therefore spoken by
     * two voices at two rates; the intent must be recognised in most of the four, and at most
     * three of the 92 clips may miss.
     */
    @Test
    void everyIntentIsRecognisedOnCleanAudio() throws IOException {
        assertThat(TYPICAL.keySet()).containsAll(EnumSet.complementOf(EnumSet.of(Intent.NONE)));
        List<String> missed = new ArrayList<>();
        List<String> failedIntents = new ArrayList<>();
        for (Map.Entry<Intent, String> e : TYPICAL.entrySet()) {
            assertThat(matcher.matchText(e.getValue()).intent()).isEqualTo(e.getKey());
            int heard = 0;
            for (String voice : new String[] {"en-gb", "en-us"}) {
                for (int rate : new int[] {140, 165}) {
                    IntentMatch m = hear(Clips.speech(e.getValue(), voice, rate, 900));
                    if (m.intent() == e.getKey()) {
                        heard++;
                    } else {
                        missed.add(e.getKey() + " [" + e.getValue() + "] by " + voice + " at " + rate + " -> "
                                + m.intent());
                    }
                }
            }
            if (heard < 3) {
                failedIntents.add(e.getKey() + " heard " + heard + " of 4");
            }
        }
        missed.forEach(m -> System.out.println("typical miss " + m));
        assertThat(failedIntents).as("intents not recognised from a typical phrasing").isEmpty();
        assertThat(missed).as("typical phrasings missed").hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void accuracyByNoiseLevel() throws IOException {
        Random random = new Random(20260310);
        byte[] noise = Clips.noise();
        Map<String, int[]> byLevel = new java.util.LinkedHashMap<>();
        byLevel.put("clean", new int[2]);
        byLevel.put("20dB", new int[2]);
        byLevel.put("10dB", new int[2]);
        Map<Intent, int[]> byIntent = new EnumMap<>(Intent.class);
        List<String> wrongSafety = new ArrayList<>();
        int clip = 0;
        for (Intent intent : en.intents()) {
            if (intent == Intent.NONE) {
                continue;
            }
            List<List<String>> phrases = en.phrases().get(intent);
            for (int k = 0; k < PER_INTENT; k++) {
                String text = BenchPhrases.speakable(phrases.get(random.nextInt(phrases.size())), random);
                String voice = VOICES[clip % VOICES.length];
                int rate = RATES[(clip / VOICES.length) % RATES.length];
                clip++;
                byte[] clean = Clips.speech(text, voice, rate, 900);
                for (String level : byLevel.keySet()) {
                    byte[] audio = level.equals("clean") ? clean
                            : ClipSynthesizer.mix(clean, noise, random.nextInt(noise.length / 2 - clean.length / 2),
                                    level.equals("20dB") ? 20 : 10);
                    IntentMatch m = hear(audio);
                    boolean ok = m.intent() == intent;
                    byLevel.get(level)[0] += ok ? 1 : 0;
                    byLevel.get(level)[1]++;
                    byIntent.computeIfAbsent(intent, i -> new int[2])[0] += ok ? 1 : 0;
                    byIntent.get(intent)[1]++;
                    if (!ok && m.intent().safetyCritical()) {
                        wrongSafety.add(level + " [" + text + "] -> " + m.intent());
                    }
                    if (!ok) {
                        System.out.printf(Locale.ROOT, "miss %-5s %-15s %-22s [%s] -> %s%n", level, voice,
                                intent, text, m.intent());
                    }
                }
            }
        }
        byLevel.forEach((level, c) -> System.out.printf(Locale.ROOT, "accuracy %-5s %d/%d = %.1f%%%n", level, c[0],
                c[1], 100.0 * c[0] / c[1]));
        byIntent.forEach((i, c) -> System.out.printf(Locale.ROOT, "intent %-22s %d/%d%n", i, c[0], c[1]));
        assertThat(wrongSafety).as("in-domain phrases heard as help or cancel").isEmpty();
        assertThat(rate(byLevel.get("clean"))).as("clean accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(rate(byLevel.get("20dB"))).as("20 dB accuracy").isGreaterThanOrEqualTo(0.93);
        assertThat(rate(byLevel.get("10dB"))).as("10 dB accuracy").isGreaterThanOrEqualTo(0.85);
    }

    private IntentMatch hear(byte[] audio) throws IOException {
        Heard heard = RECOGNIZER.listen(AudioInputs.pcm(audio));
        return matcher.match(heard.words(), heard.confidence(), heard.alternatives());
    }

    private static double rate(int[] c) {
        return (double) c[0] / c[1];
    }
}
