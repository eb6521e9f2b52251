package org.hearth.voice.recognition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * One loaded Vosk model (about 100 MB off-heap for the English small model). Load it once at start
 * and make recognisers from it; never load a model per utterance. Hearth makes grammar recognisers
 * only: an installed model has no language model for free-form speech ({@link GrammarOnlyModel}).
 */
public final class VoskModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoskModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DEFAULT_LATTICE_BEAM = 2.0;

    private final Path dir;
    private final Model model;

    private VoskModel(Path dir, Model model) {
        this.dir = dir;
        this.model = model;
    }

    /** Loads the model in {@code dir} (the folder holding am/, conf/ and graph/). */
    public static VoskModel load(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("am/final.mdl")) || !Files.isDirectory(dir.resolve("conf"))) {
            throw new IOException("no Vosk model in " + dir + " (expected am/final.mdl and conf/); install one with"
                    + " 'hearth models install --lang <code> --from <zip> --sha256 <hex>'");
        }
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        long t0 = System.nanoTime();
        Model model = new Model(dir.toString());
        LOG.info("Loaded the Vosk model in {} in {} ms", dir, (System.nanoTime() - t0) / 1_000_000);
        return new VoskModel(dir, model);
    }

    public Path dir() {
        return dir;
    }

    /** The model's vocabulary, if it can be read from the model files. */
    public Optional<Set<String>> vocabulary() throws IOException {
        return ModelVocabulary.read(dir);
    }

    /**
     * A recogniser restricted to {@code phrases} plus "[unk]". Phrases with words the model does not
     * know are dropped with one warning, rather than left for Vosk to mangle silently.
     */
    public VoskSpeechRecognizer grammarRecognizer(List<String> phrases, EndpointSettings settings) throws IOException {
        List<String> usable = knownPhrases(phrases);
        usable.add("[unk]");
        return new VoskSpeechRecognizer(newRecognizer(toJson(usable)), settings, latticeBeam());
    }

    /**
     * The model's {@code --lattice-beam} from conf/model.conf: how far behind the best reading the
     * decoder still keeps a reading. Without one, 2, as in Vosk's small models: a guess narrower
     * than the real beam only makes a lone reading look less sure, never surer.
     */
    double latticeBeam() throws IOException {
        Path conf = dir.resolve("conf/model.conf");
        if (Files.isRegularFile(conf)) {
            for (String line : Files.readAllLines(conf)) {
                String l = line.strip();
                if (l.startsWith("--lattice-beam=")) {
                    try {
                        return Double.parseDouble(l.substring("--lattice-beam=".length()));
                    } catch (NumberFormatException e) {
                        LOG.warn("Unreadable {} in {}; taking the lattice beam as {}", l, conf, DEFAULT_LATTICE_BEAM);
                    }
                }
            }
        }
        return DEFAULT_LATTICE_BEAM;
    }

    private Recognizer newRecognizer(String grammarJson) {
        Recognizer r = new Recognizer(model, AudioInputs.SAMPLE_RATE, grammarJson);
        // Runner-up readings let the matcher recover a request the best reading garbled.
        r.setMaxAlternatives(3);
        return r;
    }

    private List<String> knownPhrases(List<String> phrases) throws IOException {
        Set<String> asked = new HashSet<>();
        for (String p : phrases) {
            asked.addAll(Arrays.asList(p.split(" ")));
        }
        Optional<Set<String>> vocab = ModelVocabulary.known(dir, asked);
        if (vocab.isEmpty()) {
            return new ArrayList<>(phrases);
        }
        List<String> out = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        for (String p : phrases) {
            boolean ok = true;
            for (String w : p.split(" ")) {
                if (!vocab.get().contains(w)) {
                    missing.add(w);
                    ok = false;
                }
            }
            if (ok) {
                out.add(p);
            }
        }
        if (!missing.isEmpty()) {
            LOG.warn("{} grammar phrases dropped: the model in {} does not know the words {}",
                    phrases.size() - out.size(), dir, missing);
        }
        return out;
    }

    private static String toJson(List<String> phrases) {
        try {
            return JSON.writeValueAsString(phrases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
