package org.hearth.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's packages for amd64 and arm64: the same files and jars, each jar holding only the native libraries its
 * architecture loads (the x86-64 {@code libvosk.so} in amd64's alone), read from the built .debs and compared with the
 * jars Maven resolved.
 */
@Tag("medium")
class ArchitecturePackagesTest {

    private static final int ELF_X86_64 = 62;
    private static final int ELF_AARCH64 = 183;

    /** Every native library each package should hold, as jar!entry: exactly these, and nothing for another platform. */
    private static final Map<String, Set<String>> NATIVES = Map.of(
            "amd64", Set.of(
                    "vosk!linux-x86-64/libvosk.so",
                    "sqlite-jdbc!org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                    "jna!com/sun/jna/linux-x86-64/libjnidispatch.so"),
            "arm64", Set.of(
                    "sqlite-jdbc!org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
                    "jna!com/sun/jna/linux-aarch64/libjnidispatch.so",
                    "pi4j-library-gpiod!lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so",
                    "pi4j-library-gpiod!lib/aarch64/pi4j-gpiod/libgpiod.so",
                    "pi4j-library-linuxfs!lib/aarch64/pi4j-linuxfs/libpi4j-linuxfs.so"));
    private static final Map<String, Integer> ELF_MACHINE = Map.of("amd64", ELF_X86_64, "arm64", ELF_AARCH64);

    @TempDir
    static Path tmp;

    @BeforeAll
    static void unpack() throws Exception {
        for (String arch : BuiltPackage.ARCHITECTURES) {
            BuiltPackage.extract(BuiltPackage.deb(arch), tmp.resolve(arch));
        }
    }

    private static Path lib(String arch) {
        return tmp.resolve(arch).resolve("usr/share/hearth/lib");
    }

    private static String field(String arch, String name) throws Exception {
        return SystemTool.run(List.of("dpkg-deb", "-f", BuiltPackage.deb(arch).toString(), name), Duration.ofMinutes(1)).output().strip();
    }

    @Test
    void each_package_names_its_architecture_and_otherwise_has_the_same_control_fields() throws Exception {
        for (String arch : BuiltPackage.ARCHITECTURES) {
            assertThat(field(arch, "Architecture")).isEqualTo(arch);
            assertThat(BuiltPackage.deb(arch).getFileName().toString()).isEqualTo("hearth_" + field(arch, "Version") + "_" + arch + ".deb");
            for (String same : List.of("Package", "Version", "Depends", "Recommends", "Suggests", "Description")) {
                assertThat(field(arch, same)).as(arch + " " + same).isEqualTo(field("amd64", same));
            }
        }
    }

    @Test
    void the_packages_hold_the_same_files_and_differ_only_in_the_native_libraries_inside_their_jars() throws Exception {
        Path amd64 = tmp.resolve("amd64");
        Path arm64 = tmp.resolve("arm64");
        assertThat(files(arm64)).isEqualTo(files(amd64));
        for (String file : files(amd64)) {
            if (file.startsWith("DEBIAN/control") || file.startsWith("DEBIAN/md5sums")) {
                continue;
            }
            if (file.startsWith("usr/share/hearth/lib/")) {
                assertThat(entriesBut(natives(), arm64.resolve(file))).as(file).isEqualTo(entriesBut(natives(), amd64.resolve(file)));
            } else {
                assertThat(arm64.resolve(file)).as(file).hasSameBinaryContentAs(amd64.resolve(file));
            }
        }
    }

    @Test
    void every_native_library_is_an_elf_library_of_the_packages_architecture_and_each_one_it_needs_is_there() throws Exception {
        for (String arch : BuiltPackage.ARCHITECTURES) {
            Set<String> found = new TreeSet<>();
            try (var jars = Files.list(lib(arch))) {
                for (Path jar : jars.toList()) {
                    String artifact = jar.getFileName().toString().replaceFirst("-[0-9][^-]*\\.jar$", "");
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        for (ZipEntry e : zip.stream().filter(e -> isNative(e.getName())).toList()) {
                            found.add(artifact + "!" + e.getName());
                            assertThat(elfMachine(zip, e)).as(arch + ": " + jar.getFileName() + "!" + e.getName())
                                    .isEqualTo(ELF_MACHINE.get(arch));
                        }
                    }
                }
            }
            assertThat(found).as(arch).containsExactlyInAnyOrderElementsOf(NATIVES.get(arch));
        }
    }

    @Test
    void a_stripped_jar_keeps_every_other_entry_of_the_jar_maven_resolved_byte_for_byte() throws Exception {
        Path resolved = BuiltPackage.projectRoot().resolve("gateway/target/lib");
        for (String arch : BuiltPackage.ARCHITECTURES) {
            for (String artifact : List.of("vosk", "sqlite-jdbc", "jna", "pi4j-library-gpiod", "pi4j-library-linuxfs")) {
                Path original = only(resolved, artifact);
                Path shipped = lib(arch).resolve(original.getFileName());
                assertThat(shipped).as(arch + " ships " + original.getFileName()).isRegularFile();
                assertThat(entriesBut(natives(), shipped)).as(arch + " " + artifact)
                        .isEqualTo(entriesBut(natives(), original));
            }
        }
    }

    @Test
    void no_shipped_jar_is_signed_and_californiums_keep_every_other_entry_byte_for_byte() throws Exception {
        Pattern signature = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
        Path resolved = BuiltPackage.projectRoot().resolve("gateway/target/lib");
        for (String arch : BuiltPackage.ARCHITECTURES) {
            try (var jars = Files.list(lib(arch))) {
                for (Path jar : jars.toList()) {
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        assertThat(zip.stream().map(ZipEntry::getName)).as(arch + " " + jar.getFileName())
                                .noneMatch(name -> signature.matcher(name).matches());
                    }
                }
            }
            // The start-up archive leaves a signed jar's classes out, and these are about 300 of the daemon's.
            for (String artifact : List.of("californium-core", "californium-legal", "element-connector", "scandium")) {
                Path original = only(resolved, artifact);
                assertThat(entriesBut(name -> signature.matcher(name).matches(), lib(arch).resolve(original.getFileName())))
                        .as(arch + " " + artifact).isEqualTo(entriesBut(name -> signature.matcher(name).matches(), original));
            }
        }
    }

    @Test
    void jsch_is_left_out_and_the_mock_gpio_plugin_stays_because_the_gateway_uses_it() throws Exception {
        for (String arch : BuiltPackage.ARCHITECTURES) {
            String classpath = Files.readString(tmp.resolve(arch).resolve("usr/share/hearth/hearth.classpath"));
            try (var jars = Files.list(lib(arch))) {
                assertThat(jars.map(p -> p.getFileName().toString()).toList()).as(arch)
                        .noneMatch(j -> j.startsWith("jsch-")).anyMatch(j -> j.startsWith("pi4j-plugin-mock-"));
            }
            assertThat(classpath).doesNotContain("jsch-").contains("/pi4j-plugin-mock-");
        }
        // Why jsch can go: no class Hearth runs names it (pi4j-plugin-linuxfs's module-info does, unread on a class path).
        // The amd64 package's classes stand for both: the test above shows the jars differ only in native libraries.
        try (var jars = Files.list(lib("amd64"))) {
            for (Path jar : jars.toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry e : zip.stream().filter(e -> e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class"))
                            .toList()) {
                        try (InputStream in = zip.getInputStream(e)) {
                            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).as(jar.getFileName() + "!" + e.getName())
                                    .doesNotContain("com/jcraft/").doesNotContain("com.jcraft.");
                        }
                    }
                }
            }
        }
    }

    private static boolean isNative(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib") || name.endsWith(".jnilib") || name.endsWith(".a");
    }

    private static Predicate<String> natives() {
        return ArchitecturePackagesTest::isNative;
    }

    /** Each entry of the jar but those {@code skip} matches, with its bytes' hash: what must stay the same. */
    private static Map<String, String> entriesBut(Predicate<String> skip, Path jar) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> !skip.test(e.getName())).toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
        }
        return entries;
    }

    /** e_machine of an ELF file, or -1 when the entry is no ELF file (a Windows DLL, a macOS library, an archive). */
    private static int elfMachine(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] header = in.readNBytes(20);
            if (header.length < 20 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
                return -1;
            }
            boolean littleEndian = header[5] == 1;
            int lo = header[littleEndian ? 18 : 19] & 0xff;
            int hi = header[littleEndian ? 19 : 18] & 0xff;
            return hi << 8 | lo;
        }
    }

    private static Path only(Path dir, String artifact) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> matches = files.filter(p -> p.getFileName().toString().matches(Pattern.quote(artifact)
                    + "-[0-9][^-]*\\.jar")).toList();
            assertThat(matches).as(artifact + " in " + dir).hasSize(1);
            return matches.get(0);
        }
    }

    private static List<String> files(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString()));
        }
        return files.stream().sorted().toList();
    }
}
