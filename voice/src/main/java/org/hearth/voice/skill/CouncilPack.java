package org.hearth.voice.skill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A council's knowledge pack: the local answers the assistant gives without a network or a login.
 * One versioned YAML file per council; see {@code /org/hearth/voice/council/leicester.yaml} and
 * docs/voice.md ("Council packs").
 *
 * <p>Format 2 added {@code addresses}. Format 3 added, for every fact, its {@code source} and the
 * day it was {@code checked}, the pack's {@code expires} date, and made every section but {@code bins} optional: a
 * fact nobody could find a source for is left out, and the assistant says it does not know. A
 * pack that is not a sample must give every fact a source and a checked date (the reader lists
 * each one missing); formats 1 and 2 therefore read only as samples.
 *
 * @param sample true while the data are an unchecked sample: the assistant then speaks none of it
 * @param expires after this day the assistant gives only the main number; empty only in a sample
 * @param bins the collection cycle (every pack has one: the installer's round names come from it)
 * @param services the phone lines the pack knows, each with its source
 * @param addresses where each street or postcode area is collected; empty unless a sample
 */
public record CouncilPack(String id, String council, String version, boolean sample, String notice,
        Optional<LocalDate> expires, BinSchedule bins, List<Library> libraries,
        Map<CouncilService, PhoneService> services, CollectionAddresses addresses) {

    /** The newest format this version reads and writes. */
    public static final int FORMAT = 3;
    /** The oldest format it still reads. */
    public static final int OLDEST_FORMAT = 1;

    public CouncilPack {
        libraries = List.copyOf(libraries);
        Map<CouncilService, PhoneService> copy = new EnumMap<>(CouncilService.class);
        copy.putAll(services);
        services = java.util.Collections.unmodifiableMap(copy);
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

    /** The phone line, if the pack has one with a source. */
    public Optional<PhoneService> service(CouncilService which) {
        return Optional.ofNullable(services.get(which));
    }

    /** Whether {@code today} is after the pack's expiry date. A sample has none and never expires. */
    public boolean expiredOn(LocalDate today) {
        return expires.map(today::isAfter).orElse(false);
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
