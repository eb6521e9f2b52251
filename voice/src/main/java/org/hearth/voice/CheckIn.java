package org.hearth.voice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pre-alarm's "Are you all right?" and the judging of its answer (docs/voice.md). A television or
 * a visitor may be what was heard, and a wrong cancel silences a real alarm, while a wrong "no"
 * only brings the alert the pre-alarm would raise anyway; so a cancel must be clear and anything
 * doubtful is asked once more, then left to the pre-alarm.
 */
final class CheckIn {

    /** Logged under the assistant's name, as the conversation always has been. */
    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    /** Similarity to a cancel phrase a check-in answer needs: the phrase, give or take a small word. */
    static final double CHECK_IN_CANCEL_SIMILARITY = 0.9;

    private final SpokenLanguages spoken;
    private final AssistantSettings settings;
    private final SpeechRate rate;
    private final Supplier<Reply> raiseHelp;
    private final Supplier<Reply> cancel;
    private boolean open;
    private boolean askedAgain;

    /** {@code raiseHelp} and {@code cancel} act on the alarm and say so. */
    CheckIn(SpokenLanguages spoken, AssistantSettings settings, SpeechRate rate, Supplier<Reply> raiseHelp,
            Supplier<Reply> cancel) {
        this.spoken = spoken;
        this.settings = settings;
        this.rate = rate;
        this.raiseHelp = raiseHelp;
        this.cancel = cancel;
    }

    /**
     * Opens the check-in and asks in every household language, the main one first. Where the
     * language is not in {@code listeningIn} (nothing would hear "I'm fine") the question names only
     * the buttons.
     */
    Reply ask(Set<String> listeningIn) {
        open = true;
        askedAgain = false;
        return spoken.inEveryLanguage(() -> {
            String key = listeningIn.contains(spoken.replies().code()) ? "checkin.prompt" : "checkin.buttons";
            return new Reply(Intent.NONE, spoken.replies().get(key), true, key);
        });
    }

    /** Whether the next words answer "Are you all right?". */
    boolean isOpen() {
        return open;
    }

    /** Ends the check-in: help was raised, or the resident fell silent. */
    void close() {
        open = false;
    }

    /**
     * The answer to "Are you all right?": a call for help, a "no" or a negated cancel ("I'm not
     * fine") raises help at once. A cancel is taken only if it is a whole cancel phrase (not a bare
     * "yes" or "okay", not "I'm okay, you?") and the recogniser's readings agree that it was one
     * ({@link AssistantSettings#checkInCancelAbove}). Anything else is asked once more; a second
     * unclear answer leaves the pre-alarm to run out. "Say that again" and "slower" ask the question
     * again (more slowly) and keep the check-in open. Empty for anything else (a question, "what
     * time is it?"): the check-in is closed and the words are the assistant's to act on.
     */
    Optional<Reply> answer(Heard heard, IntentMatch match) {
        Intent intent = match.intent();
        if (intent == Intent.NO || intent == Intent.HELP_EMERGENCY) {
            open = false;
            return Optional.of(raiseHelp.get());
        }
        if (intent == Intent.ALARM_CANCEL && match.similarity() >= CHECK_IN_CANCEL_SIMILARITY
                && heard.share(this::isCancelPhrase) >= settings.checkInCancelAbove()) {
            open = false;
            return Optional.of(cancel.get());
        }
        if (intent == Intent.ALARM_CANCEL || intent == Intent.YES || intent == Intent.NONE) {
            if (!askedAgain) {
                askedAgain = true;
                LOG.info("Check-in answer unclear; asking again");
                return Optional.of(new Reply(Intent.NONE, spoken.replies().get("checkin.again"), true, "checkin.again"));
            }
            open = false;
            LOG.info("Check-in answer unclear again; the pre-alarm runs on");
            return Optional.of(spoken.say(Intent.NONE, "not.understood", Map.of()));
        }
        if (intent == Intent.REPEAT || intent == Intent.SPEECH_SLOWER) {
            // The question was not caught: ask it again (more slowly), still under the check-in's rules.
            if (intent == Intent.SPEECH_SLOWER) {
                rate.slowDown();
            }
            return Optional.of(new Reply(intent, spoken.replies().get("checkin.prompt"), true, "checkin.prompt"));
        }
        open = false;
        return Optional.empty();
    }

    private boolean isCancelPhrase(List<String> words) {
        IntentMatch m = spoken.matcher().match(words, 1.0);
        return m.intent() == Intent.ALARM_CANCEL && m.similarity() >= CHECK_IN_CANCEL_SIMILARITY;
    }
}
