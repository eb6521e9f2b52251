package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Vosk silently drops grammar words it does not know; every English template word must be known. */
@Tag("medium")
class ModelVocabularyTest {

    @Test
    void everyEnglishGrammarWordIsInTheModel() throws Exception {
        Set<String> vocabulary = ModelVocabulary.read(TestModel.dir()).orElseThrow();
        assertThat(vocabulary).hasSizeGreaterThan(100_000).contains("help", "fallen", "council");
        Set<String> missing = new TreeSet<>();
        for (String phrase : LanguageResources.builtIn("en").grammarPhrases()) {
            for (String word : phrase.split(" ")) {
                if (!vocabulary.contains(word)) {
                    missing.add(word);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
