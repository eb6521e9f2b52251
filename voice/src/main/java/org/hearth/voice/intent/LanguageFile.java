package org.hearth.voice.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a language file. Line by line:
 * <pre>
 * # a comment
 * &#64;language en            code; &#64;espeak en-gb, &#64;locale en-GB, &#64;speech-model hi, &#64;times english
 * &#64;prompts recorded          the fixed announcements are recordings (Somali: no espeak-ng voice); &#64;speech-model none: no Vosk model
 * &#64;reviewed-by              the native speaker who signed the file off; empty until one has (every built-in file has the line)
 * &#64;fillers i me my the    words that cost little when a recogniser drops or adds them
 * &#64;negations not no -n't   negation words, and endings after '-': a cancel never matches a negated phrase
 * &#64;tomorrow tomorrow        words that ask about tomorrow ("is the library open tomorrow")
 * $bin = (bin | bins)          a macro, usable in later lines as $bin
 * [help.emergency]             templates of an intent follow, one per line
 * help [me] [please]
 * [slot task]                  slot values follow: template =&gt; what the assistant says back
 * (take | have) my tablets =&gt; take your tablets
 * [wake]                       wake phrases follow
 * [replies]                    key = text lines follow
 * </pre>
 */
public final class LanguageFile {

    /** The languages shipped in the jar. */
    public static final List<String> BUILT_IN = List.of("en", "gu", "hi", "pa", "ur", "pl", "bn");
    /** Every language file in the jar: {@link #BUILT_IN}, and Somali's, which holds no phrases (recorded prompts only). */
    public static final List<String> ALL = List.of("en", "gu", "hi", "pa", "ur", "pl", "bn", "so");

    private LanguageFile() {
    }

    public static LanguageResources parse(String source, String text) {
        return new Parser(source).parse(text);
    }

    /** A section header is ASCII, so a template such as "[please] help [now]" is never taken for one. */
    private static final Pattern SECTION = Pattern.compile("^\\[(slot [a-z_]+|[a-z][a-z.]*)\\]$");
    private static final Pattern MACRO = Pattern.compile("^\\$([\\p{L}\\p{N}_-]+)\\s*=(?!>)(.*)$");

    private static final class Parser {
        private final String source;
        private final Map<String, List<List<String>>> macros = new HashMap<>();
        private final Map<Intent, List<List<String>>> phrases = new LinkedHashMap<>();
        private final Map<String, List<SlotValue>> slots = new LinkedHashMap<>();
        private final List<List<String>> wake = new ArrayList<>();
        private final Map<String, String> replies = new LinkedHashMap<>();
        private final Set<String> fillers = new HashSet<>();
        private final Set<String> negationWords = new HashSet<>();
        private final List<String> negationSuffixes = new ArrayList<>();
        private final Set<String> tomorrow = new HashSet<>();
        private String code;
        private String espeak;
        private Locale locale;
        private String speechModel;
        /** Null when the file has no {@code @reviewed-by} line; empty when nobody has signed it off. */
        private String reviewedBy;
        private boolean recordedPrompts;
        private TimeSlotParser times = TimeSlotParser.NONE;
        private String section;
        private int lineNo;

        Parser(String source) {
            this.source = source;
        }

        LanguageResources parse(String text) {
            String[] lines = text.split("\r?\n", -1);
            for (lineNo = 1; lineNo <= lines.length; lineNo++) {
                String line = lines[lineNo - 1].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    line(line);
                } catch (IllegalArgumentException e) {
                    throw new TemplateSyntaxException(source, lineNo, e.getMessage());
                }
            }
            if (code == null) {
                throw new TemplateSyntaxException(source, 1, "missing '@language <code>'");
            }
            Locale loc = locale != null ? locale : Locale.forLanguageTag(code);
            return new LanguageResources(code, espeak != null ? espeak : code, loc,
                    speechModel != null ? speechModel : code, fillers, phrases, slots, wake, replies, times,
                    new Negations(negationWords, negationSuffixes), tomorrow, reviewedBy, recordedPrompts);
        }

        private void line(String line) {
            if (line.startsWith("@")) {
                directive(line);
            } else if (MACRO.matcher(line).matches()) {
                Matcher m = MACRO.matcher(line);
                m.matches();
                macros.put(m.group(1), expandMacro(m.group(2)));
            } else if (SECTION.matcher(line).matches()) {
                section(line.substring(1, line.length() - 1).strip());
            } else if (section == null) {
                throw new IllegalArgumentException("text before any [section]");
            } else if (section.equals("replies")) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("a reply needs 'key = text'");
                }
                replies.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else if (section.equals("wake")) {
                wake.addAll(expand(line));
            } else if (section.startsWith("slot ")) {
                int arrow = line.indexOf("=>");
                if (arrow <= 0) {
                    throw new IllegalArgumentException("a slot value needs 'template => spoken text'");
                }
                String spoken = line.substring(arrow + 2).strip();
                for (List<String> tokens : expand(line.substring(0, arrow))) {
                    slots.get(section.substring(5)).add(new SlotValue(tokens, spoken));
                }
            } else {
                Intent intent = Intent.byId(section).orElseThrow();
                phrases.get(intent).addAll(expand(line));
            }
        }

        private void directive(String line) {
            String[] kv = line.substring(1).split("\\s+", 2);
            String value = kv.length > 1 ? kv[1].strip() : "";
            switch (kv[0]) {
                case "language" -> code = value;
                case "espeak" -> espeak = value;
                case "locale" -> locale = Locale.forLanguageTag(value);
                case "speech-model" -> speechModel = value;
                case "reviewed-by" -> reviewedBy = value;
                case "prompts" -> {
                    if (!value.equals("recorded")) {
                        throw new IllegalArgumentException("unknown prompts '" + value + "'; known: recorded");
                    }
                    recordedPrompts = true;
                }
                case "fillers" -> fillers.addAll(Tokens.of(value));
                case "negations" -> negations(value);
                case "tomorrow" -> tomorrow.addAll(Tokens.of(value));
                case "times" -> {
                    if (!value.equals("english")) {
                        throw new IllegalArgumentException("unknown time parser '" + value + "'; known: english");
                    }
                    times = new EnglishTimes();
                }
                default -> throw new IllegalArgumentException("unknown directive @" + kv[0]);
            }
        }

        /** Words, and endings written with a leading '-' ("-n't"): see {@link Negations}. */
        private void negations(String value) {
            for (String w : value.split("\\s+")) {
                if (w.startsWith("-") && w.length() > 1) {
                    negationSuffixes.add(String.join("", Tokens.of(w.substring(1))));
                } else if (!w.isEmpty()) {
                    negationWords.addAll(Tokens.of(w));
                }
            }
        }

        private void section(String name) {
            if (name.equals("replies") || name.equals("wake")) {
                section = name;
            } else if (name.startsWith("slot ")) {
                section = name;
                slots.putIfAbsent(name.substring(5).strip(), new ArrayList<>());
            } else {
                Intent intent = Intent.byId(name).orElseThrow(() -> new IllegalArgumentException(
                        "unknown section [" + name + "]; expected an intent name, [slot x], [wake] or [replies]"));
                phrases.putIfAbsent(intent, new ArrayList<>());
                section = name;
            }
        }

        private List<List<String>> expandMacro(String template) {
            List<List<String>> out = new ArrayList<>();
            for (List<String> phrase : new TemplateExpander(macros).expand(template, true)) {
                out.add(normalise(phrase));
            }
            return out;
        }

        private List<List<String>> expand(String template) {
            List<List<String>> raw = new TemplateExpander(macros).expand(template);
            List<List<String>> out = new ArrayList<>(raw.size());
            for (List<String> phrase : raw) {
                List<String> tokens = normalise(phrase);
                if (!tokens.isEmpty()) {
                    out.add(tokens);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("the line expands to no phrase");
            }
            return out;
        }

        private static List<String> normalise(List<String> phrase) {
            List<String> tokens = new ArrayList<>();
            for (String t : phrase) {
                if (t.startsWith("{") && t.endsWith("}")) {
                    tokens.add(t);
                } else {
                    tokens.addAll(Tokens.of(t));
                }
            }
            return tokens;
        }
    }
}
