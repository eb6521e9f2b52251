package org.hearth.carer.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hearth.protocol.Down;

/**
 * The carer's own typed command at the {@code listen} prompt, {@code resolve N OUTCOME [note]},
 * for example {@code resolve 1 helped_up Sat her in the chair}. Only this command is read: the
 * carer's own keyboard, never text the gateway sent.
 */
final class ResolveCommand {

    static final String WORD = "resolve";

    /** What a typed line asked for. */
    sealed interface Typed {
        /** Close alert {@code number} with this outcome and note. */
        record Resolve(int number, Down.Outcome outcome, String note) implements Typed {
        }

        /** It began with "resolve" but could not be read; {@code words} say what to type instead. */
        record Mistake(String words) implements Typed {
        }
    }

    private ResolveCommand() {
    }

    /** Empty when the line is not a resolve command at all (Enter, or an alert's number). */
    static Optional<Typed> parse(String line) {
        String[] parts = line.strip().split("\\s+", 4);
        if (!parts[0].equalsIgnoreCase(WORD)) {
            return Optional.empty();
        }
        if (parts.length < 3) {
            return Optional.of(new Typed.Mistake("Type " + WORD + ", the alert's number and how it ended, for example: "
                    + WORD + " 1 helped_up Sat her in the chair. " + choices()));
        }
        int number;
        try {
            number = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.of(new Typed.Mistake("'" + parts[1] + "' is not an alert's number: type " + WORD
                    + " 1 helped_up, with the number shown in [brackets]."));
        }
        Optional<Down.Outcome> outcome = outcome(parts[2]);
        if (outcome.isEmpty()) {
            return Optional.of(new Typed.Mistake("'" + parts[2] + "' is not an outcome. " + choices()));
        }
        return Optional.of(new Typed.Resolve(number, outcome.get(), parts.length > 3 ? parts[3].strip() : ""));
    }

    /** An outcome as a person types it: {@code helped_up}, {@code helped-up} or {@code Helped_Up}. */
    static Optional<Down.Outcome> outcome(String typed) {
        String wire = typed.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(Down.Outcome.values()).filter(o -> o.wire().equals(wire)).findFirst();
    }

    /** The five outcomes, each with its meaning in words. */
    static String choices() {
        return "How it ended is one of: " + Arrays.stream(Down.Outcome.values())
                .map(o -> o.wire() + " (" + o.words() + ")").collect(Collectors.joining(", ")) + ".";
    }

    /** What to type to close {@code number}, shown once the carer has said they are on their way. */
    static String prompt(int number) {
        return "[" + number + "] When you have dealt with it, type " + WORD + " " + number
                + " and how it ended, then any note, for example: " + WORD + " " + number + " helped_up Sat her in the chair. "
                + choices();
    }
}
