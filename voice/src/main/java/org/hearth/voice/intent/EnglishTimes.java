package org.hearth.voice.intent;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * English times of day as people say them to a reminder: "six", "six o'clock", "six thirty",
 * "half past six", "quarter to seven", "ten past nine", "six pm", "six in the evening", "noon",
 * and typed "6", "6:30", "18:00".
 */
public final class EnglishTimes implements TimeSlotParser {

    private static final String[] HOURS = {"twelve", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven"};
    private static final Map<String, Integer> MINUTE_WORDS = Map.ofEntries(
            Map.entry("o'clock", 0), Map.entry("oh five", 5), Map.entry("five", 5), Map.entry("ten", 10),
            Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("twenty five", 25),
            Map.entry("thirty", 30), Map.entry("thirty five", 35), Map.entry("forty", 40),
            Map.entry("forty five", 45), Map.entry("fifty", 50), Map.entry("fifty five", 55));
    private static final Map<String, Integer> PAST_TO = Map.of("five", 5, "ten", 10, "quarter", 15,
            "twenty", 20, "twenty five", 25, "half", 30);

    @Override
    public Optional<Span> find(List<String> tokens) {
        // "take one tablet at six": a number is not always a time, so prefer the one after "at".
        Span best = null;
        for (int start = 0; start < tokens.size(); start++) {
            Optional<Span> span = at(tokens, start);
            if (span.isPresent()) {
                Span s = span.get();
                boolean afterAt = s.start() > 0 && List.of("at", "for", "by").contains(tokens.get(s.start() - 1));
                if (afterAt) {
                    return span;
                }
                if (best == null || s.end() - s.start() > best.end() - best.start()) {
                    best = s;
                }
                start = s.end() - 1;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<Span> at(List<String> t, int i) {
        String w = t.get(i);
        if (w.equals("noon") || w.equals("midday")) {
            return Optional.of(new Span(i, i + 1, LocalTime.NOON, true));
        }
        if (w.equals("midnight")) {
            return Optional.of(new Span(i, i + 1, LocalTime.MIDNIGHT, true));
        }
        if (w.matches("\\d{1,2}:\\d{2}")) {
            String[] hm = w.split(":");
            int h = Integer.parseInt(hm[0]);
            int m = Integer.parseInt(hm[1]);
            if (h > 23 || m > 59) {
                return Optional.empty();
            }
            return Optional.of(withHalfDay(t, i + 1, i, h, m, h > 12 || h == 0));
        }
        // "half past six", "quarter to seven", "twenty five past nine"
        for (Map.Entry<String, Integer> e : PAST_TO.entrySet()) {
            int n = matches(t, i, e.getKey());
            if (n > 0 && i + n < t.size() && (t.get(i + n).equals("past") || t.get(i + n).equals("to"))) {
                Optional<Integer> hour = hour(t, i + n + 1);
                if (hour.isPresent()) {
                    boolean past = t.get(i + n).equals("past");
                    int h = past ? hour.get() : (hour.get() + 11) % 12;
                    int m = past ? e.getValue() : 60 - e.getValue();
                    return Optional.of(withHalfDay(t, i + n + 2, i, h, m, false));
                }
            }
        }
        Optional<Integer> hour = hour(t, i);
        if (hour.isEmpty()) {
            return Optional.empty();
        }
        int end = i + 1;
        int minute = 0;
        int bestLen = 0;
        for (Map.Entry<String, Integer> e : MINUTE_WORDS.entrySet()) {
            int n = matches(t, end, e.getKey());
            if (n > bestLen) {
                bestLen = n;
                minute = e.getValue();
            }
        }
        if (bestLen == 0 && end < t.size() && t.get(end).matches("\\d{2}")) {
            int m = Integer.parseInt(t.get(end));
            if (m < 60) {
                minute = m;
                bestLen = 1;
            }
        }
        return Optional.of(withHalfDay(t, end + bestLen, i, hour.get(), minute, hour.get() > 12));
    }

    /** Reads "am", "pm", "in the morning", "in the evening", "tonight" after the time. */
    private static Span withHalfDay(List<String> t, int end, int start, int hour, int minute, boolean known) {
        int h = hour % 24;
        String[][] pm = {{"pm"}, {"p", "m"}, {"in", "the", "afternoon"}, {"in", "the", "evening"}, {"at", "night"},
            {"tonight"}, {"this", "evening"}, {"this", "afternoon"}};
        String[][] am = {{"am"}, {"a", "m"}, {"in", "the", "morning"}, {"tomorrow", "morning"}, {"this", "morning"}};
        for (String[] p : pm) {
            if (startsWith(t, end, p)) {
                int hh = h < 12 ? h + 12 : h;
                if (p[0].equals("at") && h <= 4) {
                    hh = h; // "two at night" is two in the morning
                }
                return new Span(start, end + p.length, LocalTime.of(hh % 24, minute), true);
            }
        }
        for (String[] a : am) {
            if (startsWith(t, end, a)) {
                return new Span(start, end + a.length, LocalTime.of(h == 12 ? 0 : h % 12, minute), true);
            }
        }
        return new Span(start, end, LocalTime.of(h, minute), known);
    }

    private static boolean startsWith(List<String> t, int at, String[] words) {
        if (at + words.length > t.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!t.get(at + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    private static int matches(List<String> t, int at, String phrase) {
        String[] words = phrase.split(" ");
        return startsWith(t, at, words) ? words.length : 0;
    }

    private static Optional<Integer> hour(List<String> t, int i) {
        if (i >= t.size()) {
            return Optional.empty();
        }
        String w = t.get(i);
        for (int h = 0; h < HOURS.length; h++) {
            if (HOURS[h].equals(w)) {
                return Optional.of(h == 0 ? 12 : h);
            }
        }
        if (w.matches("\\d{1,2}")) {
            int h = Integer.parseInt(w);
            if (h >= 0 && h <= 23) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> grammarSamples() {
        List<String> out = new ArrayList<>();
        String[] halfDay = {"", " o'clock", " am", " pm", " in the morning", " in the afternoon", " in the evening",
            " at night", " tonight"};
        String[] minutes = {" fifteen", " thirty", " forty five", " oh five", " ten", " twenty", " forty", " fifty",
            " twenty five", " thirty five", " fifty five", " five"};
        String[] pastTo = {"half past ", "quarter past ", "quarter to ", "ten past ", "twenty past ", "five past ",
            "twenty five past ", "ten to ", "twenty to ", "five to ", "twenty five to "};
        for (String hour : HOURS) {
            for (String hd : halfDay) {
                out.add(hour + hd);
            }
            for (String m : minutes) {
                out.add(hour + m);
            }
            for (String p : pastTo) {
                out.add(p + hour);
            }
        }
        out.add("noon");
        out.add("midday");
        out.add("midnight");
        return out;
    }
}
