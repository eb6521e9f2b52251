package org.hearth.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The .deb that {@code ./mvnw package} built, and where to find the sources it came from. */
final class BuiltPackage {

    private BuiltPackage() {
    }

    static Path deb() {
        String deb = System.getProperty("hearth.deb");
        if (deb == null || !Files.isRegularFile(Path.of(deb))) {
            throw new AssertionError("no package at " + deb + "; these tests run after `package`: ./mvnw verify -pl packaging -am");
        }
        return Path.of(deb);
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("hearth.project.root", ".."));
    }

    /** Unpacks the package, control files included (under DEBIAN/), into {@code dir}. */
    static Path extract(Path dir) throws IOException, InterruptedException {
        var result = SystemTool.run(List.of("dpkg-deb", "-R", deb().toString(), dir.toString()), Duration.ofMinutes(1));
        if (result.exit() != 0) {
            throw new AssertionError("dpkg-deb -R failed: " + result.output());
        }
        return dir;
    }
}
