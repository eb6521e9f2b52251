package org.hearth.voice;

import java.util.function.Supplier;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;

/**
 * A call for help: raised at once when the assistant is sure of the words
 * ({@link AssistantSettings#helpActAbove}), else asked "Did you say you need help?" first. "No"
 * declines it; "yes", silence or a second unclear answer raises it, since someone who asked for
 * help and then cannot answer may be worse off.
 */
final class HelpConfirmation {

    private final SpokenLanguages spoken;
    private final AssistantSettings settings;
    private final Supplier<Reply> raiseHelp;
    private boolean asking;
    private int unclearAnswers;

    HelpConfirmation(SpokenLanguages spoken, AssistantSettings settings, Supplier<Reply> raiseHelp) {
        this.spoken = spoken;
        this.settings = settings;
        this.raiseHelp = raiseHelp;
    }

    /** The resident asked for help: raise it, or ask first. */
    Reply request(IntentMatch match) {
        if (match.confidence() >= settings.helpActAbove()) {
            return raiseHelp.get();
        }
        asking = true;
        unclearAnswers = 0;
        return new Reply(Intent.HELP_EMERGENCY, spoken.replies().get("help.confirm"), true, "help.confirm");
    }

    /** Whether the next words answer "Did you say you need help?". */
    boolean isAsking() {
        return asking;
    }

    Reply answer(IntentMatch match) {
        switch (match.intent()) {
            case YES, HELP_EMERGENCY -> {
                asking = false;
                return raiseHelp.get();
            }
            case NO, ALARM_CANCEL, STOP -> {
                asking = false;
                return new Reply(Intent.NO, spoken.replies().get("help.declined"), false, "help.declined");
            }
            default -> {
                // One more try; after that, an unclear answer to "do you need help?" is treated as yes.
                if (++unclearAnswers >= 2) {
                    asking = false;
                    return raiseHelp.get();
                }
                return new Reply(Intent.NONE, spoken.replies().get("help.confirm"), true, "help.confirm");
            }
        }
    }

    /** Silence after the question counts as yes. */
    Reply silence() {
        asking = false;
        return raiseHelp.get();
    }
}
