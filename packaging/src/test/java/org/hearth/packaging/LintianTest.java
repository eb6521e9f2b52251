package org.hearth.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Debian's own package checker finds no error and no warning (overrides ship in the package, each with its reason). */
@Tag("medium")
class LintianTest {

    @Test
    void lintian_reports_no_error_and_no_warning_for_each_architectures_gateway_package() throws Exception {
        for (String arch : BuiltPackage.ARCHITECTURES) {
            lintianClean(BuiltPackage.deb(arch));
        }
    }

    @Test
    void lintian_reports_no_error_and_no_warning_for_the_hub() throws Exception {
        lintianClean(BuiltPackage.hubDeb());
    }

    private static void lintianClean(Path deb) throws Exception {
        var result = SystemTool.run(List.of("lintian", "--fail-on", "error,warning", "--display-level", ">=warning",
                deb.toString()), Duration.ofMinutes(5));

        assertThat(result.lines()).as(result.output()).noneMatch(l -> l.startsWith("E:") || l.startsWith("W:"));
        assertThat(result.exit()).as(result.output()).isZero();
    }
}
