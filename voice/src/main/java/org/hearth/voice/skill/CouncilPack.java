package org.hearth.voice.skill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A council's knowledge pack: the local answers the assistant gives without a network or a login.
 * One versioned YAML file per council; see {@code /org/hearth/voice/council/leicester.yaml}.
 *
 * <p>Format 2 added {@code addresses}: streets and postcode areas with their collection day and
 * round, for the installer's wizard. Format 1 packs, which have none, still read.
 *
 * @param sample true while the data are an unchecked sample; the assistant warns at start
 * @param addresses where each street or postcode area is collected; empty in a format 1 pack
 */
public record CouncilPack(String id, String council, String version, boolean sample, String notice,
        BinSchedule bins, List<Library> libraries, PhoneService councilTax, PhoneService socialCare,
        PhoneService digitalHelpline, PhoneService benefitsAdvice, PhoneService universalCreditHelp,
        CollectionAddresses addresses) {

    /** The newest format this version reads and writes. */
    public static final int FORMAT = 2;
    /** The oldest format it still reads. */
    public static final int OLDEST_FORMAT = 1;

    public CouncilPack {
        libraries = List.copyOf(libraries);
    }

    /** A pack shipped in the jar, by id (for example "leicester"). */
    public static CouncilPack builtIn(String id) {
        String path = "/org/hearth/voice/council/" + id + ".yaml";
        try (InputStream in = CouncilPack.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in council pack '" + id + "'");
            }
            return CouncilPackReader.read(id + ".yaml", in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** A pack from a file; errors name the file and line. */
    public static CouncilPack read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CouncilPackReader.read(file.toString(), in);
        }
    }

    /** The household's library, or the pack's first. */
    public Optional<Library> library(String name) {
        if (name != null) {
            for (Library l : libraries) {
                if (l.name().equalsIgnoreCase(name)) {
                    return Optional.of(l);
                }
            }
        }
        return libraries.stream().findFirst();
    }
}
