package org.hearth.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatcher;
import org.hearth.voice.intent.LanguageResources;

/**
 * The household's languages as the assistant speaks them: which one the conversation is in (the
 * one last heard, the main one until then) with its matcher and replies, speaking a reply in it,
 * and the last reply, kept for "say that again" in the language it was said in.
 */
final class SpokenLanguages {

    /** The household's languages, its main one first, each with its matcher and replies. */
    private final Map<String, IntentMatcher> matchers = new LinkedHashMap<>();
    private final Map<String, Replies> repliesIn = new LinkedHashMap<>();
    private final List<LanguageResources> languages;
    /** Finds the language of typed text (and of a hearing from a home with one recogniser). */
    private final LanguageJudge judge;
    private final Speaker speaker;
    private final SpeechRate rate;
    /** The conversation's language. */
    private IntentMatcher matcher;
    private Replies replies;
    private Reply lastReply;
    /** The language {@link #lastReply} was said in, for "say that again". */
    private String lastLanguage;

    SpokenLanguages(List<LanguageResources> languages, Speaker speaker, SpeechRate rate) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("an assistant needs a language");
        }
        this.languages = List.copyOf(languages);
        for (LanguageResources language : languages) {
            matchers.put(language.code(), new IntentMatcher(language));
            repliesIn.put(language.code(), new Replies(language,
                    language.code().equals("en") ? language : LanguageResources.builtIn("en")));
        }
        this.judge = new LanguageJudge(matchers);
        this.speaker = speaker;
        this.rate = rate;
        converseIn(main());
    }

    List<LanguageResources> all() {
        return languages;
    }

    /** The main language's code. */
    String main() {
        return languages.get(0).code();
    }

    /** Whether the household speaks the language {@code code}. */
    boolean speaks(String code) {
        return matchers.containsKey(code);
    }

    /** The matcher of the conversation's language. */
    IntentMatcher matcher() {
        return matcher;
    }

    /** The replies of the conversation's language. */
    Replies replies() {
        return replies;
    }

    void converseIn(String code) {
        matcher = matchers.get(code);
        replies = repliesIn.get(code);
    }

    /**
     * The language an utterance was in: the one whose recogniser heard it, or for typed text (and a
     * single recogniser) the household language whose phrases it matches best; the conversation's
     * language when none matches better. One language: always that one.
     */
    String languageOf(Heard heard) {
        if (matchers.containsKey(heard.language())) {
            return heard.language();
        }
        if (matchers.size() == 1 || heard.isSilence()) {
            return replies.code();
        }
        return judge.languageOfText(heard.words(), replies.code());
    }

    /** A reply in the conversation's language, its {placeholders} filled from {@code values}. */
    Reply say(Intent intent, String key, Map<String, String> values) {
        return new Reply(intent, replies.get(key, values), false, key);
    }

    /** Speaks the reply in the conversation's language and keeps it for "say that again". */
    Reply speak(Reply reply) {
        rate.restoreIfNewDay();
        lastReply = reply;
        lastLanguage = replies.code();
        speaker.say(reply.text(), replies.code(), reply.key());
        return reply;
    }

    /**
     * Says a reply made by {@code make} in every household language, the main one first, and leaves
     * the conversation in the main language: news that no utterance prompted is for whoever is home.
     */
    Reply inEveryLanguage(Supplier<Reply> make) {
        Reply first = null;
        for (LanguageResources language : languages) {
            converseIn(language.code());
            Reply said = make.get();
            if (first == null) {
                first = speak(said);
            } else {
                speaker.say(said.text(), replies.code(), said.key());
            }
        }
        converseIn(main());
        lastReply = first;
        lastLanguage = replies.code();
        return first;
    }

    /** "Say that again": the last thing said, in the language it was said in. */
    Reply repeat() {
        if (lastReply == null) {
            return say(Intent.REPEAT, "repeat.nothing", Map.of());
        }
        converseIn(lastLanguage);
        return new Reply(Intent.REPEAT, lastReply.text(), false, lastReply.key());
    }
}
