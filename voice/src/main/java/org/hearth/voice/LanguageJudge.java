package org.hearth.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;
import org.hearth.voice.intent.IntentMatcher;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.recognition.MultilingualRecognizer;

/**
 * Decides which language an utterance was in, in a household of two (docs/voice.md, "Two people in
 * one home"). A hearing's fit is the recogniser's confidence times how closely its words match a
 * phrase of that language: a grammar recogniser hearing a language it does not know still returns
 * words of its grammar, but unsurely and far from any one phrase. The best fit wins; a tie goes to
 * the language listed first; silence loses to words. One safety rule on top: when one language
 * heard a cancel and another a call for help or a "no" that fits nearly as well ({@link #CLOSE}),
 * help wins, because a wrong cancel silences a real alarm.
 *
 * <p>Each judge has matchers of its own, so the listener's thread can use one while the assistant
 * uses another.
 */
public final class LanguageJudge implements MultilingualRecognizer.Judge {

    /** How close a call for help's fit must come to a cancel's to win over it. */
    static final double CLOSE = 0.1;

    private final Map<String, IntentMatcher> matchers = new LinkedHashMap<>();

    /** A judge for the household's languages, its main one first. */
    public LanguageJudge(List<LanguageResources> languages) {
        for (LanguageResources language : languages) {
            matchers.put(language.code(), new IntentMatcher(language));
        }
    }

    LanguageJudge(Map<String, IntentMatcher> matchers) {
        this.matchers.putAll(matchers);
    }

    /** How well {@code heard} fits the language it is tagged with: 0 for silence or a language not ours. */
    public double fit(Heard heard) {
        IntentMatcher matcher = matchers.get(heard.language());
        if (matcher == null || heard.isSilence()) {
            return 0;
        }
        return heard.confidence() * matcher.match(heard.words(), 1.0).similarity();
    }

    /**
     * The hearing to act on, among one per language (each tagged with its language), in the
     * household's order.
     */
    @Override
    public Heard choose(List<Heard> hearings) {
        Heard best = hearings.get(0);
        double bestFit = score(best);
        for (Heard h : hearings.subList(1, hearings.size())) {
            double f = score(h);
            if (f > bestFit) {
                best = h;
                bestFit = f;
            }
        }
        if (intent(best) == Intent.ALARM_CANCEL) {
            for (Heard h : hearings) {
                Intent other = intent(h);
                if ((other == Intent.HELP_EMERGENCY || other == Intent.NO) && fit(h) >= bestFit - CLOSE) {
                    return h;
                }
            }
        }
        return best;
    }

    /** The household language whose phrases typed {@code words} match best; {@code preferred} on a tie. */
    String languageOfText(List<String> words, String preferred) {
        String best = preferred;
        double top = fit(Heard.text(words).inLanguage(preferred));
        for (String code : matchers.keySet()) {
            double f = fit(Heard.text(words).inLanguage(code));
            if (f > top) {
                top = f;
                best = code;
            }
        }
        return best;
    }

    /** The fit, with silence below any words. */
    private double score(Heard heard) {
        return heard.isSilence() ? -1 : fit(heard);
    }

    private Intent intent(Heard heard) {
        IntentMatcher matcher = matchers.get(heard.language());
        if (matcher == null || heard.isSilence()) {
            return Intent.NONE;
        }
        IntentMatch m = matcher.match(heard.words(), heard.confidence(), heard.alternatives());
        return m.intent();
    }
}
