package org.hearth.voice.intent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands one template line into every phrase it stands for.
 *
 * <p>Syntax: words; {@code (a | b c)} a choice; {@code [a | b]} an optional choice; {@code $name} a
 * macro defined earlier in the file; {@code {name}} a slot, kept as one token for the matcher to
 * fill. Expansion is capped so a careless line cannot blow up memory.
 */
final class TemplateExpander {

    static final int MAX_PHRASES_PER_LINE = 20_000;

    private final Map<String, List<List<String>>> macros;
    private String text;
    private int pos;

    TemplateExpander(Map<String, List<List<String>>> macros) {
        this.macros = macros;
    }

    /** Every phrase of {@code template}, as token lists, without duplicates, in a stable order. */
    List<List<String>> expand(String template) {
        return expand(template, false);
    }

    /**
     * Like {@link #expand(String)}; a macro keeps its empty expansion, so {@code $please = [please]}
     * still lets a phrase go without it.
     */
    List<List<String>> expand(String template, boolean keepEmpty) {
        this.text = template;
        this.pos = 0;
        List<List<String>> result = alternatives();
        skipSpaces();
        if (pos < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.charAt(pos) + "' at column " + (pos + 1));
        }
        Set<List<String>> unique = new LinkedHashSet<>();
        for (List<String> phrase : result) {
            if (keepEmpty || !phrase.isEmpty()) {
                unique.add(List.copyOf(phrase));
            }
        }
        return new ArrayList<>(unique);
    }

    private List<List<String>> alternatives() {
        List<List<String>> all = new ArrayList<>(sequence());
        skipSpaces();
        while (pos < text.length() && text.charAt(pos) == '|') {
            pos++;
            all.addAll(sequence());
            checkSize(all.size());
            skipSpaces();
        }
        return all;
    }

    private List<List<String>> sequence() {
        List<List<String>> acc = new ArrayList<>();
        acc.add(List.of());
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                return acc;
            }
            char c = text.charAt(pos);
            List<List<String>> item;
            if (c == '(' || c == '[') {
                pos++;
                item = alternatives();
                expect(c == '(' ? ')' : ']');
                if (c == '[') {
                    item = new ArrayList<>(item);
                    item.add(List.of());
                }
            } else if (c == ')' || c == ']' || c == '|') {
                return acc;
            } else if (c == '$') {
                pos++;
                String name = word();
                item = macros.get(name);
                if (item == null) {
                    throw new IllegalArgumentException("macro $" + name + " is not defined above this line");
                }
            } else {
                item = List.of(List.of(word()));
            }
            acc = product(acc, item);
        }
    }

    private List<List<String>> product(List<List<String>> left, List<List<String>> right) {
        checkSize((long) left.size() * right.size());
        List<List<String>> out = new ArrayList<>(left.size() * right.size());
        for (List<String> a : left) {
            for (List<String> b : right) {
                List<String> joined = new ArrayList<>(a.size() + b.size());
                joined.addAll(a);
                joined.addAll(b);
                out.add(joined);
            }
        }
        return out;
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && !isSyntax(text.charAt(pos)) && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a word at column " + (pos + 1));
        }
        return text.substring(start, pos);
    }

    private static boolean isSyntax(char c) {
        return c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '$';
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("missing '" + c + "' at column " + (pos + 1));
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static void checkSize(long size) {
        if (size > MAX_PHRASES_PER_LINE) {
            throw new IllegalArgumentException("expands to more than " + MAX_PHRASES_PER_LINE + " phrases; split the line");
        }
    }
}
