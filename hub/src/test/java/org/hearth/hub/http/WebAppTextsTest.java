package org.hearth.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The carer web app's language files ({@code webapp/texts/LANG.json}), which translators edit: the languages are the
 * voice assistant's, the app offers each one, and every file has exactly English's keys, each with the same
 * {@code {placeholders}} and some words.
 */
@Tag("small")
class WebAppTextsTest {

    static final Path TEXTS = WebAppTest.FILES.resolve("texts");
    /** The voice assistant's languages (voice's {@code LanguageFile.BUILT_IN}; docs/provisioning.md), by the same codes. */
    static final List<String> LANGUAGES = List.of("en", "gu", "hi", "pa", "ur", "pl", "bn");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void there_is_one_file_for_each_language_of_the_voice_assistant_and_the_app_offers_each() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(TEXTS)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(LANGUAGES.stream().map(l -> l + ".json").toList());
        // i18n.js's LANGUAGES: the chooser's list, each language named in its own words.
        String i18n = Files.readString(WebAppTest.FILES.resolve("i18n.js"));
        Matcher list = Pattern.compile("export const LANGUAGES = \\{([^}]*)}").matcher(i18n);
        assertThat(list.find()).isTrue();
        List<String> offered = new ArrayList<>();
        Matcher code = Pattern.compile("(\\w+): '").matcher(list.group(1));
        while (code.find()) {
            offered.add(code.group(1));
        }
        assertThat(offered).containsExactlyElementsOf(LANGUAGES);
    }

    @Test
    void every_language_has_exactly_the_english_keys_with_the_same_placeholders() throws Exception {
        Map<String, String> english = texts("en");
        assertThat(english).hasSizeGreaterThan(100);
        for (String language : LANGUAGES) {
            Map<String, String> texts = texts(language);
            assertThat(texts.keySet()).as("the keys of %s.json", language).containsExactlyInAnyOrderElementsOf(english.keySet());
            for (Map.Entry<String, String> e : english.entrySet()) {
                String text = texts.get(e.getKey());
                assertThat(text).as("%s.json %s", language, e.getKey()).isNotBlank();
                assertThat(placeholders(text)).as("the placeholders of %s.json %s", language, e.getKey())
                        .isEqualTo(placeholders(e.getValue()));
            }
        }
    }

    @Test
    void the_other_languages_are_translated_not_copied() throws Exception {
        Map<String, String> english = texts("en");
        for (String language : LANGUAGES.subList(1, LANGUAGES.size())) {
            Map<String, String> texts = texts(language);
            // Words that stay the same in every language: the app's name, and texts that are only placeholders and units.
            List<String> same = english.keySet().stream().filter(k -> english.get(k).equals(texts.get(k)))
                    .filter(k -> !english.get(k).replaceAll("Hearth|\\{\\w+}|°C|[:\\s]", "").isEmpty()).toList();
            assertThat(same).as("texts of %s.json still in English", language).isEmpty();
        }
    }

    static Map<String, String> texts(String language) throws Exception {
        // A key given twice is a translator's slip that would hide one of the two: refused.
        JsonNode json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(TEXTS.resolve(language + ".json").toFile());
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        json.fields().forEachRemaining(f -> {
            assertThat(f.getValue().isTextual()).as("%s.json %s is text", language, f.getKey()).isTrue();
            texts.put(f.getKey(), f.getValue().asText());
        });
        return texts;
    }

    /** Each placeholder's name and how often it appears. */
    static Map<String, Integer> placeholders(String text) {
        Map<String, Integer> found = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.merge(m.group(1), 1, Integer::sum);
        }
        return found;
    }
}
