package org.hearth.voice.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns typed or recognised text into the tokens templates are written in: NFC, lower case,
 * punctuation dropped except an apostrophe inside a word, Urdu letter variants folded, digits split
 * from letters ("6pm" is "6 pm"), and "6:30" kept whole for the time slot.
 */
public final class Tokens {

    private Tokens() {
    }

    public static List<String> of(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder clean = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = fold(s.charAt(i));
            if (c == '\u200c' || c == '\u200d') {
                continue; // zero-width (non-)joiners vary between keyboards; they never change the word
            }
            boolean keepApostrophe = c == '\'' && i > 0 && Character.isLetter(s.charAt(i - 1))
                    && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1));
            boolean keepColon = c == ':' && i > 0 && Character.isDigit(s.charAt(i - 1))
                    && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
            if (Character.isLetterOrDigit(c) || isCombiningMark(c) || keepApostrophe || keepColon) {
                if (clean.length() > 0 && splitsDigitsFromLetters(clean.charAt(clean.length() - 1), c)) {
                    clean.append(' ');
                }
                clean.append(c);
            } else {
                clean.append(' ');
            }
        }
        return words(clean);
    }

    /**
     * The words of {@code clean}, between one or more spaces (anything else that is not part of a
     * word became a space).
     * Not {@code split("\\s+")}: that compiles a pattern at every call, and a language file makes
     * thousands of calls while the daemon starts (docs/performance.md).
     */
    private static List<String> words(CharSequence clean) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= clean.length(); i++) {
            boolean space = i == clean.length() || clean.charAt(i) == ' ';
            if (space && start >= 0) {
                out.add(clean.subSequence(start, i).toString());
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** Recognisers write "[unk]" for a word outside the grammar; keep it as one distinct token. */
    public static List<String> ofRecognised(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            if (part.equals("[unk]")) {
                out.add(IntentMatcher.UNKNOWN);
            } else if (!part.isEmpty()) {
                out.addAll(of(part));
            }
        }
        return out;
    }

    private static boolean splitsDigitsFromLetters(char prev, char c) {
        return Character.isDigit(prev) && Character.isLetter(c) && c < 0x0250
                || Character.isLetter(prev) && prev < 0x0250 && Character.isDigit(c);
    }

    private static boolean isCombiningMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Arabic-script keyboards type Urdu yeh, kaf and heh in several code points. */
    private static char fold(char c) {
        switch (c) {
            case '\u2019':
            case '\u2018':
            case '`':
                return '\'';
            case '\u064a': // Arabic yeh
            case '\u0649': // alef maksura
                return '\u06cc'; // Farsi/Urdu yeh
            case '\u0643': // Arabic kaf
                return '\u06a9'; // keheh
            case '\u0647': // Arabic heh
                return '\u06c1'; // heh goal
            default:
                return c;
        }
    }
}
