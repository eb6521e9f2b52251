package org.hearth.voice.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything the assistant knows about one language: intent templates expanded to phrases, slot
 * values, the wake phrase, filler words, replies, the espeak-ng voice and the locale for dates.
 * Read from {@code /org/hearth/voice/lang/<code>.txt}; see {@link LanguageFile} for the format.
 */
public final class LanguageResources {

    /** The {@code @speech-model} of a language no Vosk model exists for. */
    public static final String NO_SPEECH_MODEL = "none";

    /** Built-in languages are immutable, so each is parsed once per process. */
    private static final Map<String, LanguageResources> BUILT_IN = new ConcurrentHashMap<>();

    private final String code;
    private final String espeakVoice;
    private final Locale locale;
    private final String speechModel;
    private final Set<String> fillers;
    private final Map<Intent, List<List<String>>> phrases;
    private final Map<String, List<SlotValue>> slots;
    private final List<List<String>> wakePhrases;
    private final Map<String, String> replies;
    private final TimeSlotParser times;
    private final Negations negations;
    private final Set<String> tomorrow;
    private final String reviewedBy;
    private final boolean recordedPrompts;

    LanguageResources(String code, String espeakVoice, Locale locale, String speechModel, Set<String> fillers,
            Map<Intent, List<List<String>>> phrases, Map<String, List<SlotValue>> slots,
            List<List<String>> wakePhrases, Map<String, String> replies, TimeSlotParser times, Negations negations,
            Set<String> tomorrow, String reviewedBy, boolean recordedPrompts) {
        this.code = code;
        this.espeakVoice = espeakVoice;
        this.locale = locale;
        this.speechModel = speechModel;
        this.fillers = Set.copyOf(fillers);
        Map<Intent, List<List<String>>> copy = new EnumMap<>(Intent.class);
        phrases.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.phrases = copy;
        this.slots = Map.copyOf(slots);
        this.wakePhrases = List.copyOf(wakePhrases);
        this.replies = Map.copyOf(replies);
        this.times = times;
        this.negations = negations;
        this.tomorrow = Set.copyOf(tomorrow);
        this.reviewedBy = reviewedBy;
        this.recordedPrompts = recordedPrompts;
    }

    /** Loads a built-in language by its code (en, gu, hi, pa, ur, pl, bn). */
    public static LanguageResources builtIn(String code) {
        return BUILT_IN.computeIfAbsent(code, LanguageResources::load);
    }

    private static LanguageResources load(String code) {
        String path = "/org/hearth/voice/lang/" + code + ".txt";
        try (InputStream in = LanguageResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in language '" + code + "'; known: " + String.join(", ",
                        LanguageFile.ALL));
            }
            return LanguageFile.parse(code + ".txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public String code() {
        return code;
    }

    public String espeakVoice() {
        return espeakVoice;
    }

    public Locale locale() {
        return locale;
    }

    /** Whether a Vosk model exists for this language at all ({@code @speech-model none}: Somali). */
    public boolean hasSpeechModel() {
        return !speechModel.equals(NO_SPEECH_MODEL);
    }

    /**
     * Whether the fixed announcements are played from recordings ({@code @prompts recorded}): a
     * language espeak-ng has no voice for (Somali). See {@code org.hearth.voice.speech.PromptSpeaker}.
     */
    public boolean recordedPrompts() {
        return recordedPrompts;
    }

    /** The Vosk model this language is heard with; Urdu is heard with the Hindi model. */
    public String speechModel() {
        return speechModel;
    }

    /**
     * The native speaker who signed the file's phrasing off ({@code @reviewed-by}); empty while
     * nobody has. Only a real reviewer's name belongs there: the team writes none of its own.
     */
    public Optional<String> reviewedBy() {
        return reviewedBy == null || reviewedBy.isBlank() ? Optional.empty() : Optional.of(reviewedBy);
    }

    /** Whether the file has its {@code @reviewed-by} line at all (a built-in file must). */
    public boolean declaresReviewer() {
        return reviewedBy != null;
    }

    /** The language's negation words and endings ({@code @negations}). */
    Negations negations() {
        return negations;
    }

    /** Whether heard words ask about tomorrow ({@code @tomorrow}: "tomorrow", "jutro", "कल"). */
    public boolean mentionsTomorrow(List<String> words) {
        return words.stream().anyMatch(tomorrow::contains);
    }

    public Set<String> fillers() {
        return fillers;
    }

    public Map<Intent, List<List<String>>> phrases() {
        return phrases;
    }

    public Set<Intent> intents() {
        return phrases.keySet();
    }

    public Map<String, List<SlotValue>> slots() {
        return slots;
    }

    public List<List<String>> wakePhrases() {
        return wakePhrases;
    }

    public TimeSlotParser times() {
        return times;
    }

    public Optional<String> reply(String key) {
        return Optional.ofNullable(replies.get(key));
    }

    public Set<String> replyKeys() {
        return replies.keySet();
    }

    /**
     * The phrase list a grammar-mode recogniser gets. Vosk estimates a bigram model from it, so
     * what matters is that every word pair of every template occurs, and that no intent drowns the
     * others by sheer numbers: an intent with three thousand expansions would make its words the
     * recogniser's favourite guess for anything. So each intent contributes only phrases that add
     * a word pair it has not yet covered. Slots are filled with their values in turn, and time
     * phrases, slot values and wake phrases are added once each.
     */
    public List<String> grammarPhrases() {
        Set<String> out = new LinkedHashSet<>();
        List<String> timeSamples = times.grammarSamples();
        Map<String, List<String>> samples = new HashMap<>();
        int turn = 0;
        for (List<List<String>> list : phrases.values()) {
            Set<String> pairs = new HashSet<>();
            for (List<String> phrase : list) {
                String filled = fill(phrase, turn++, name -> samples.computeIfAbsent(name,
                        n -> n.equals("time") ? timeSamples : slotTexts(n)));
                if (addsPairs(filled, pairs)) {
                    out.add(filled);
                }
            }
        }
        // A slot value meets the words around it in the templates ("to", "at"): give those pairs too.
        int k = 0;
        for (List<SlotValue> values : slots.values()) {
            for (SlotValue v : values) {
                String value = String.join(" ", v.tokens());
                out.add("to " + value);
                out.add(timeSamples.isEmpty() ? value
                        : value + " at " + timeSamples.get(Math.floorMod(k++ * 31, timeSamples.size())));
            }
        }
        // Reminder phrases meet a time after "at"; give those word pairs to the grammar.
        for (String time : timeSamples) {
            out.add("at " + time);
        }
        for (List<String> w : wakePhrases) {
            out.add(String.join(" ", w));
        }
        return new ArrayList<>(out);
    }

    private static boolean addsPairs(String phrase, Set<String> pairs) {
        String[] w = ("<s> " + phrase + " </s>").split(" ");
        boolean added = false;
        for (int i = 0; i + 1 < w.length; i++) {
            added |= pairs.add(w[i] + ' ' + w[i + 1]);
        }
        return added;
    }

    /** {@code phrase} with each slot filled by one of its samples, chosen by {@code turn}. */
    private static String fill(List<String> phrase, int turn, Function<String, List<String>> samplesOf) {
        List<String> words = new ArrayList<>();
        for (String token : phrase) {
            if (token.startsWith("{")) {
                List<String> samples = samplesOf.apply(token.substring(1, token.length() - 1));
                if (!samples.isEmpty()) {
                    words.add(samples.get(Math.floorMod(turn * 7 + words.size(), samples.size())));
                }
            } else {
                words.add(token);
            }
        }
        return String.join(" ", words);
    }

    private List<String> slotTexts(String name) {
        List<String> texts = new ArrayList<>();
        for (SlotValue v : slots.getOrDefault(name, List.of())) {
            texts.add(String.join(" ", v.tokens()));
        }
        return texts;
    }
}
