package org.hearth.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The .debs that {@code ./mvnw package} built (hearth for each architecture, and hearth-hub), and where to find the sources they came from. */
final class BuiltPackage {

    private BuiltPackage() {
    }

    /** The architectures the gateway's package is built for, one .deb each. */
    static final List<String> ARCHITECTURES = List.of("amd64", "arm64");

    /** The gateway's package, hearth, for amd64: the one the tests that read a package's files and scripts inspect. */
    static Path deb() {
        return deb("amd64");
    }

    /** The gateway's package for a Debian architecture ({@link #ARCHITECTURES}). */
    static Path deb(String arch) {
        return built("hearth.deb." + arch);
    }

    /** The care hub's package, hearth-hub. */
    static Path hubDeb() {
        return built("hearth.hub.deb");
    }

    private static Path built(String property) {
        String deb = System.getProperty(property);
        if (deb == null || !Files.isRegularFile(Path.of(deb))) {
            throw new AssertionError("no package at " + deb + "; these tests run after `package`: ./mvnw verify -pl packaging -am");
        }
        return Path.of(deb);
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("hearth.project.root", ".."));
    }

    /** Unpacks the gateway's package, control files included (under DEBIAN/), into {@code dir}. */
    static Path extract(Path dir) throws IOException, InterruptedException {
        return extract(deb(), dir);
    }

    /** Unpacks {@code deb}, control files included (under DEBIAN/), into {@code dir}. */
    static Path extract(Path deb, Path dir) throws IOException, InterruptedException {
        var result = SystemTool.run(List.of("dpkg-deb", "-R", deb.toString(), dir.toString()), Duration.ofMinutes(1));
        if (result.exit() != 0) {
            throw new AssertionError("dpkg-deb -R failed: " + result.output());
        }
        return dir;
    }
}
