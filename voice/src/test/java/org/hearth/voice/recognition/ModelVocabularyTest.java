package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void knownKeepsOnlyTheWordsAskedAboutThatTheModelHas() throws Exception {
        Set<String> known = ModelVocabulary.known(TestModel.dir(), Set.of("help", "fallen", "zqxjvw")).orElseThrow();
        assertThat(known).containsExactlyInAnyOrder("help", "fallen");
    }

    @Test
    void knownReadsAWordsFileToo(@TempDir Path model) throws Exception {
        Files.createDirectories(model.resolve("graph"));
        Files.writeString(model.resolve("graph/words.txt"), "<eps> 0\nhelp 1\nme 2\n");
        assertThat(ModelVocabulary.known(model, Set.of("help", "now")).orElseThrow()).containsExactly("help");
        assertThat(ModelVocabulary.read(model).orElseThrow()).containsExactlyInAnyOrder("<eps>", "help", "me");
    }
}
