package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.hearth.voice.Heard;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build and {@code hearth models install} leave the English model's language model out; a
 * grammar recogniser must hear exactly what it heard with it. Both models are built here from the
 * real one: the whole model (its {@code Gr.fst} taken again from the build's copy of the AAR) and
 * the same trimmed by {@link GrammarOnlyModel}.
 */
@Tag("medium")
class GrammarOnlyModelTest {

    /** Said to both: help and its negations, the check-in's answers, everyday questions, television. */
    private static final List<String> SPOKEN = List.of("help I have fallen", "I have not fallen", "I'm fine",
            "no I don't need help", "yes please", "call my daughter", "what time is it", "when are the bins collected",
            "remind me to take my tablets at six pm", "cancel", "the weather tomorrow will be dry and bright",
            "and now the news at six");

    @Test
    void the_words_keep_their_ids_and_a_grammar_hears_the_same_without_the_language_model(@TempDir Path tmp)
            throws Exception {
        Path full = modelWithLanguageModel(tmp.resolve("full"));
        Path trimmed = modelWithLanguageModel(tmp.resolve("trimmed"));
        long saved = GrammarOnlyModel.trim(trimmed);

        assertThat(saved).isGreaterThan(20L << 20);
        assertThat(GrammarOnlyModel.isTrimmed(trimmed)).isTrue();
        assertThat(GrammarOnlyModel.isTrimmed(full)).isFalse();
        assertThat(Files.size(trimmed.resolve("graph/Gr.fst"))).isLessThan(100);
        Map<String, Long> ids = new HashMap<>();
        assertThat(ModelVocabulary.eachSymbol(full.resolve("graph/Gr.fst"), ids::put)).isTrue();
        Map<String, Long> written = new HashMap<>();
        for (String line : Files.readAllLines(trimmed.resolve("graph/words.txt"))) {
            String[] wordId = line.split(" ");
            written.put(wordId[0], Long.parseLong(wordId[1]));
        }
        assertThat(written).hasSizeGreaterThan(100_000).isEqualTo(ids);
        assertThat(ModelVocabulary.read(trimmed)).isEqualTo(ModelVocabulary.read(full));
        assertThat(GrammarOnlyModel.trim(trimmed)).as("a second trim has nothing to do").isZero();

        Path clips = Files.createDirectories(tmp.resolve("clips"));
        for (int i = 0; i < SPOKEN.size(); i++) {
            Files.write(clips.resolve(i + ".pcm"), Clips.speech(SPOKEN.get(i), "en-gb", 150, 900));
        }
        assertThat(heard(trimmed, clips)).isEqualTo(heard(full, clips));
    }

    @Test
    void a_model_of_one_graph_is_left_as_it_is(@TempDir Path model) throws IOException {
        Files.createDirectories(model.resolve("graph"));
        Files.writeString(model.resolve("graph/HCLG.fst"), "whole graph");

        assertThat(GrammarOnlyModel.trim(model)).isZero();
        assertThat(model.resolve("graph/HCLG.fst")).hasContent("whole graph");
    }

    @Test
    void a_language_model_without_a_word_table_is_refused_and_nothing_changes(@TempDir Path model) throws IOException {
        Files.createDirectories(model.resolve("graph"));
        Files.writeString(model.resolve("graph/HCLr.fst"), "sounds to words");
        Files.writeString(model.resolve("graph/Gr.fst"), "not an fst");

        assertThatThrownBy(() -> GrammarOnlyModel.trim(model)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds no table of words");
        assertThat(model.resolve("graph/Gr.fst")).hasContent("not an fst");
        try (var left = Files.list(model.resolve("graph"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("HCLr.fst", "Gr.fst");
        }
    }

    /**
     * What a grammar recogniser on {@code modelDir} hears in each of {@link #SPOKEN}, with its
     * confidence. Each model listens in a JVM of its own: Vosk hears a clip a little differently
     * after the process has loaded and heard other things (see voice/pom.xml), which would
     * otherwise tell the two models apart by their order alone.
     */
    private static List<String> heard(Path modelDir, Path clips) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process listen = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Listen.class.getName(),
                modelDir.toString(), clips.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> out;
        try (var lines = listen.inputReader().lines()) {
            out = lines.filter(line -> line.contains(" -> ")).toList(); // not the log
        }
        assertThat(listen.waitFor()).isZero();
        assertThat(out).hasSize(SPOKEN.size())
                .as("the recogniser hears at all").anyMatch(line -> line.startsWith("what time is it -> [what, time, is, it]"));
        return out;
    }

    /** The child JVM of {@link #heard}: {@code MODEL CLIPS}, one line per clip. */
    static final class Listen {
        public static void main(String[] args) throws IOException {
            try (VoskModel model = VoskModel.load(Path.of(args[0]));
                 VoskSpeechRecognizer recognizer = model.grammarRecognizer(
                         LanguageResources.builtIn("en").grammarPhrases(), EndpointSettings.DEFAULT)) {
                for (int i = 0; i < SPOKEN.size(); i++) {
                    byte[] pcm = Files.readAllBytes(Path.of(args[1], i + ".pcm"));
                    Heard heard = recognizer.listen(AudioInputs.pcm(pcm));
                    System.out.println(SPOKEN.get(i) + " -> " + heard.words() + " " + heard.confidence());
                }
            }
        }
    }

    /** The real model as files beside {@code dir}: links to the build's, and its original {@code Gr.fst}. */
    private static Path modelWithLanguageModel(Path dir) throws IOException {
        Path source = TestModel.dir();
        Files.createDirectories(dir.resolve("graph"));
        for (String part : List.of("am", "conf", "ivector", "graph/HCLr.fst", "graph/disambig_tid.int", "graph/phones")) {
            Files.createSymbolicLink(dir.resolve(part), source.resolve(part).toAbsolutePath());
        }
        Path aar = source.resolveSibling("model-aar/vosk-model-en.aar");
        try (ZipFile zip = new ZipFile(aar.toFile());
             InputStream gr = zip.getInputStream(zip.getEntry("assets/model-en-us/graph/Gr.fst"))) {
            Files.copy(gr, dir.resolve("graph/Gr.fst"));
        }
        return dir;
    }
}
