package org.hearth.carer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.protocol.AlertKind;

/**
 * The alerts waiting for the carer's answer, each with a short number, so a carer with several
 * open alerts chooses which one they are answering, and the answer each kind of alert calls for.
 * A line typed at a keyboard chooses: Enter alone answers the only one waiting, with several it
 * lists them; a number chooses one (an app's button can send the number).
 */
public final class Waiting {

    /** One alert waiting for an answer. */
    public record Entry(int number, UUID id, AlertKind kind, boolean test, String summary, String home) {

        /** What pressing Enter will tell the home, in words that fit the alert. */
        public String prompt() {
            return "[" + number + "] Press Enter" + (number > 1 ? " (or type " + number + " and Enter)" : "")
                    + " to tell " + home + " " + answer() + ".";
        }

        /** What the carer has told the home once the gateway took the acknowledgement. */
        public String told() {
            return "the gateway knows " + answer() + ".";
        }

        private String answer() {
            return switch (reply()) {
                case TEST_RECEIVED -> "you received this test";
                case SEEN -> "you have seen this";
                case WILL_PHONE -> "you will phone them";
                case ON_MY_WAY -> "you are on your way";
            };
        }

        /** The note sent with the acknowledgement; {@code onMyWay} is the carer's own words for coming. */
        public String note(String onMyWay) {
            return switch (reply()) {
                case TEST_RECEIVED -> "test received";
                case SEEN -> "seen";
                case WILL_PHONE -> "will phone";
                case ON_MY_WAY -> onMyWay;
            };
        }

        private Reply reply() {
            if (test) {
                return Reply.TEST_RECEIVED;
            }
            return switch (kind) {
                case SENSOR_HEALTH, GATEWAY_HEALTH, REMINDER_MISSED -> Reply.SEEN;
                case CALL_REQUEST -> Reply.WILL_PHONE;
                case FALL, LONG_LIE, INACTIVITY, HELP, ENVIRONMENT -> Reply.ON_MY_WAY;
            };
        }
    }

    private enum Reply { ON_MY_WAY, TEST_RECEIVED, SEEN, WILL_PHONE }

    /** What a line typed at the keyboard means. */
    public sealed interface Choice {
        /** Acknowledge this one. */
        record Answer(Entry entry) implements Choice {
        }

        /** Several are waiting and Enter alone does not say which. */
        record Which(List<Entry> entries) implements Choice {
        }

        /** Nothing is waiting. */
        record Nothing() implements Choice {
        }

        /** Not the number of a waiting alert. */
        record Unknown(String typed) implements Choice {
        }
    }

    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    /**
     * Answered (the acknowledgement sent, or taken) and not yet closed: the carer may still resolve
     * these by number, and a listing of open alerts that crossed the acknowledgement does not offer
     * them again.
     */
    private final Map<Integer, Entry> answered = new LinkedHashMap<>();
    private int next = 1;

    /**
     * Adds an alert, or gives the entry it already has: an alert listed at start and then
     * delivered, or one the gateway listed as open in an answer that crossed the carer's
     * acknowledgement (then {@link #awaitsAnswer} is false).
     */
    public synchronized Entry add(UUID id, AlertKind kind, boolean test, String summary, String home) {
        for (Entry e : entries.values()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        for (Entry e : answered.values()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        if (entries.isEmpty() && answered.isEmpty()) {
            next = 1; // numbers stay unique among everything the carer may still type
        }
        Entry e = new Entry(next++, id, kind, test, summary, home);
        entries.put(e.number(), e);
        return e;
    }

    /** Puts an entry back, under its number, after its acknowledgement failed. */
    public synchronized void restore(Entry e) {
        answered.remove(e.number());
        entries.putIfAbsent(e.number(), e);
        next = Math.max(next, e.number() + 1);
    }

    /** True while the entry waits for the carer's acknowledgement. */
    public synchronized boolean awaitsAnswer(Entry e) {
        return e.equals(entries.get(e.number()));
    }

    /** The alert the carer is closing, by its number: one they answered or one still waiting. */
    public synchronized java.util.Optional<Entry> byNumber(int number) {
        Entry e = answered.get(number);
        return java.util.Optional.ofNullable(e != null ? e : entries.get(number));
    }

    /** The gateway closed the alert: it leaves every list. Until then it stays, to be closed again. */
    public synchronized void closed(Entry e) {
        answered.remove(e.number(), e);
        entries.remove(e.number(), e);
    }

    /** Reads a typed line; an answered entry leaves the list of those waiting. */
    public synchronized Choice choose(String line) {
        String typed = line.strip();
        if (typed.isEmpty()) {
            if (entries.isEmpty()) {
                return new Choice.Nothing();
            }
            if (entries.size() == 1) {
                Entry only = entries.values().iterator().next();
                entries.clear();
                answered.put(only.number(), only);
                return new Choice.Answer(only);
            }
            return new Choice.Which(new ArrayList<>(entries.values()));
        }
        try {
            Entry chosen = entries.remove(Integer.parseInt(typed));
            if (chosen == null) {
                return new Choice.Unknown(typed);
            }
            answered.put(chosen.number(), chosen);
            return new Choice.Answer(chosen);
        } catch (NumberFormatException e) {
            return new Choice.Unknown(typed);
        }
    }
}
