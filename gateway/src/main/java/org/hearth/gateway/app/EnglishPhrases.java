package org.hearth.gateway.app;

import java.util.Map;
import org.hearth.gateway.domain.Phrase;

/** English words for the domain's phrases. Other languages come with the voice module's templates. */
final class EnglishPhrases {

    private static final Map<String, String> TEXT = Map.of(
            Phrase.PRE_ALARM_QUESTION, "Are you all right? Say 'I'm fine' or press the button. "
                    + "Otherwise I will call for help in {seconds} seconds.",
            Phrase.PRE_ALARM_CANCELLED, "All right. I won't call anyone.",
            Phrase.NOTHING_TO_CANCEL, "There is nothing to cancel.",
            Phrase.CALLING_FOR_HELP, "I am calling for help now.",
            Phrase.CARER_TOLD, "I have told {carer}.",
            Phrase.CARER_COMING, "{carer} is on the way.",
            Phrase.CARERS_UNREACHABLE, "I can't reach your carers right now. If you need help, call {number}.",
            Phrase.CARERS_BACK, "I can reach your carers again.");

    private EnglishPhrases() {
    }

    static String render(Phrase phrase) {
        String text = TEXT.get(phrase.key());
        if (text == null) {
            throw new IllegalArgumentException("no English text for phrase " + phrase.key());
        }
        for (var arg : phrase.args().entrySet()) {
            text = text.replace("{" + arg.getKey() + "}", arg.getValue());
        }
        return text;
    }
}
