package org.hearth.voice.recognition;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;

/**
 * The words a Vosk model can recognise. Vosk silently drops grammar words it does not know, which
 * would quietly cripple a template, so we read the vocabulary and warn (and test) instead.
 *
 * <p>Big models ship {@code graph/words.txt}; small "lookahead" models keep the word list only as
 * the OpenFst symbol table embedded in {@code graph/Gr.fst}, which this reads directly.
 */
public final class ModelVocabulary {

    private static final int SYMBOL_TABLE_MAGIC = 2125658996;
    private static final int MAX_WORD_BYTES = 256;

    private ModelVocabulary() {
    }

    /** The model's words, or empty if neither file is there or readable. */
    public static Optional<Set<String>> read(Path modelDir) throws IOException {
        return read(modelDir, word -> true);
    }

    /**
     * Which of {@code words} the model knows, or empty if neither file is there or readable. Only
     * those are kept while the table is read: the English small model has 152,000 words, about
     * 10 MB of strings that would otherwise outlive young collections and grow the daemon's heap
     * for good (docs/performance.md).
     */
    public static Optional<Set<String>> known(Path modelDir, Set<String> words) throws IOException {
        return read(modelDir, words::contains);
    }

    private static Optional<Set<String>> read(Path modelDir, Predicate<String> keep) throws IOException {
        Path wordsTxt = modelDir.resolve("graph/words.txt");
        if (Files.isRegularFile(wordsTxt)) {
            Set<String> words = new HashSet<>();
            try (var lines = Files.lines(wordsTxt, StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    int space = line.indexOf(' ');
                    if (space > 0 && keep.test(line.substring(0, space))) {
                        words.add(line.substring(0, space));
                    }
                });
            }
            return Optional.of(words);
        }
        Path gr = modelDir.resolve("graph/Gr.fst");
        if (Files.isRegularFile(gr)) {
            Set<String> words = new HashSet<>();
            boolean found = eachSymbol(gr, (word, id) -> {
                if (keep.test(word)) {
                    words.add(word);
                }
            });
            return found ? Optional.of(words) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Hands every (word, id) pair of the symbol table inside the FST file {@code fst} to
     * {@code each}; false if the file holds no whole table.
     */
    static boolean eachSymbol(Path fst, ObjLongConsumer<String> each) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(fst), 1 << 16))) {
            // The header is short; scan its first kilobytes for the symbol table's magic number.
            in.mark(1 << 15);
            byte[] head = in.readNBytes(1 << 15);
            int at = -1;
            for (int i = 0; i + 4 <= head.length; i++) {
                if (littleInt(head, i) == SYMBOL_TABLE_MAGIC) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return false;
            }
            in.reset();
            in.skipNBytes(at + 4);
            readString(in); // table name
            readLong(in); // available key
            long size = readLong(in);
            for (long k = 0; k < size; k++) {
                String word = readString(in);
                each.accept(word, readLong(in));
            }
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = Integer.reverseBytes(in.readInt());
        if (len < 0 || len > MAX_WORD_BYTES) {
            throw new IOException("not a symbol table: a word of " + len + " bytes");
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

    private static long readLong(DataInputStream in) throws IOException {
        return Long.reverseBytes(in.readLong());
    }

    private static int littleInt(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }
}
