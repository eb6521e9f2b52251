package org.hearth.voice.recognition;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Trims a Vosk "lookahead" model to what Hearth uses: grammar recognisers only.
 *
 * <p>A small Vosk model keeps its decoding graph in two parts: {@code graph/HCLr.fst} (sounds to
 * words) and {@code graph/Gr.fst}, a statistical language model over its whole vocabulary (about
 * 23 MB for English). Vosk loads both at start, but a recogniser given a grammar decodes with
 * {@code HCLr.fst} and a small graph it builds from the grammar: {@code Gr.fst} then serves only as
 * the table of the model's words. Hearth never makes a free-form recogniser (the voice's safety
 * rests on closed grammars), so the language model is about 20 MB of a Pi's memory for nothing
 * (docs/performance.md).
 *
 * <p>Trimming writes the model's words, with their ids unchanged, to {@code graph/words.txt}
 * (where Vosk looks for them when {@code Gr.fst} has none), then replaces {@code Gr.fst} with an
 * empty OpenFst graph that Vosk reads without complaint. Each file is written beside its final
 * name and renamed over it, so an interruption leaves either the whole model or the trimmed one.
 * A model with a single {@code HCLG.fst} (the big ones) is left as it is.
 */
public final class GrammarOnlyModel {

    private static final int FST_MAGIC = 2125659606;
    private static final int VECTOR_FST_VERSION = 2;
    /** An empty {@code vector} FST over standard arcs: no states, no start, no symbol tables. */
    private static final byte[] EMPTY_GRAPH = emptyGraph();

    private GrammarOnlyModel() {
    }

    /**
     * Trims the model in {@code modelDir} if it is a lookahead model not trimmed yet.
     *
     * @return the bytes taken off the disk (and about as many off the resident memory), 0 if
     *     nothing was to do
     * @throws IOException if a file cannot be read or written, or {@code Gr.fst} holds no word table
     */
    public static long trim(Path modelDir) throws IOException {
        Path graph = modelDir.resolve("graph");
        Path gr = graph.resolve("Gr.fst");
        if (!Files.isRegularFile(graph.resolve("HCLr.fst")) || !Files.isRegularFile(gr) || isTrimmed(modelDir)) {
            return 0;
        }
        long before = Files.size(gr);
        Path words = graph.resolve("words.txt");
        if (!Files.isRegularFile(words)) {
            writeWords(gr, words);
        }
        Path staged = graph.resolve(".Gr.fst.tmp");
        Files.write(staged, EMPTY_GRAPH);
        Files.move(staged, gr, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return before - EMPTY_GRAPH.length;
    }

    /** Writes {@code gr}'s table of words to {@code words} in Kaldi's text form, one "word id" a line. */
    private static void writeWords(Path gr, Path words) throws IOException {
        Path staged = words.resolveSibling("." + words.getFileName() + ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
                boolean found = ModelVocabulary.eachSymbol(gr, (word, id) -> {
                    try {
                        out.write(word + " " + id + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (!found) {
                    throw new IOException(gr + " holds no table of words; the model is left as it is");
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(staged, words, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Whether {@code modelDir}'s language model is already the empty graph {@link #trim} writes. */
    public static boolean isTrimmed(Path modelDir) throws IOException {
        Path gr = modelDir.resolve("graph/Gr.fst");
        return Files.isRegularFile(gr) && Files.size(gr) == EMPTY_GRAPH.length
                && Arrays.equals(Files.readAllBytes(gr), EMPTY_GRAPH);
    }

    /** The build trims the model it unpacks for the tests and for a checkout: {@code GrammarOnlyModel DIR}. */
    public static void main(String[] args) throws IOException {
        long saved = trim(Path.of(args[0]));
        System.out.println(saved > 0 ? "trimmed " + args[0] + ": " + saved / 1024 + " KB of language model removed"
                : args[0] + ": nothing to trim");
    }

    /** OpenFst's header (fst/fst.h, {@code FstHeader::Write}), little-endian, then no states. */
    private static byte[] emptyGraph() {
        byte[] type = "vector".getBytes(StandardCharsets.US_ASCII);
        byte[] arc = "standard".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + type.length + 4 + arc.length + 4 + 4 + 8 + 8 + 8 + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(FST_MAGIC);
        b.putInt(type.length).put(type);
        b.putInt(arc.length).put(arc);
        b.putInt(VECTOR_FST_VERSION);
        b.putInt(0); // flags: no symbol tables, not aligned
        b.putLong(0); // properties: none known
        b.putLong(-1); // start: none
        b.putLong(0); // states
        b.putLong(0); // arcs
        return b.array();
    }
}
