package org.hearth.gateway.app.provision;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How every wizard question is asked: the question with its default in [brackets], asked again
 * with the reason until the answer checks; the end of the input stops the whole wizard.
 */
final class Asking {

    /** The input ended before the installer saved. */
    static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super(null, null, false, false);
        }
    }

    private final Console console;

    Asking(Console console) {
        this.console = console;
    }

    void say(String line) {
        console.say(line);
    }

    /** The answer, checked by {@code parse}; Enter takes {@code def} (none when null). */
    <T> T ask(String question, String def, Function<String, Checked<T>> parse) {
        while (true) {
            String a = console.ask(question + (def == null ? "" : " [" + def + "]"));
            if (a == null) {
                throw new EndOfInput();
            }
            Checked<T> c = parse.apply(a.isEmpty() && def != null ? def : a);
            if (c.isOk()) {
                return c.value();
            }
            console.say("  Sorry: " + c.problem() + ".");
        }
    }

    /** One of {@code words}, in lower case: "Type 'again' to look again, or 'drop'." */
    String choice(String question, String def, List<String> words) {
        String allowed = "type " + String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
        return ask(question, def, t -> {
            String w = t.strip().toLowerCase(Locale.ROOT);
            return words.contains(w) ? Checked.ok(w) : Checked.no(allowed);
        });
    }

    /** A number from 1 to {@code size}, or "drop". */
    static Checked<String> pick(String text, int size) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("drop") || t.matches("\\d+") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= size ? Checked.ok(t)
                : Checked.no("type a number from 1 to " + size + ", or drop");
    }

    /** "add", "done", or a number from 1 to {@code size}: the answer to a list the installer edits. */
    static Checked<String> listCommand(String text, int size) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("add") || t.equals("done")) {
            return Checked.ok(t);
        }
        if (t.matches("\\d+") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= size) {
            return Checked.ok(t);
        }
        return Checked.no(size == 0 ? "type add or done" : "type add, done, or a number from 1 to " + size);
    }
}
