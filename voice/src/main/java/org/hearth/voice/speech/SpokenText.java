package org.hearth.voice.speech;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a reply for a speech synthesiser: a phone number is read digit by digit in its groups
 * ("0 1 1 6, 4 5 4, 1 0 0 7"), as people read numbers out, instead of "one hundred and sixteen";
 * so is a three-digit emergency or service number ("9 9 9", never "nine hundred and ninety-nine"),
 * in every language, since every espeak-ng voice reads lone digits one by one.
 */
public final class SpokenText {

    private static final Pattern PHONE = Pattern.compile("\\b0\\d{2,4}(?: \\d{3,4}){1,3}\\b");
    /** UK and European emergency and service numbers, standing alone (not "9:11", not "1112"). */
    private static final Pattern SERVICE = Pattern.compile("(?<![\\d:.,])\\b(999|112|111|101|105|119|911)\\b(?![:.,]?\\d)");

    private SpokenText() {
    }

    public static String forSpeech(String text) {
        return serviceNumbers(phoneNumbers(text));
    }

    private static String serviceNumbers(String text) {
        Matcher m = SERVICE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.join(" ", m.group().split("")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String phoneNumbers(String text) {
        Matcher m = PHONE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] groups = m.group().split(" ");
            StringBuilder spoken = new StringBuilder();
            for (int g = 0; g < groups.length; g++) {
                if (g > 0) {
                    spoken.append(", ");
                }
                spoken.append(String.join(" ", groups[g].split("")));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(spoken.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
