package org.hearth.gateway.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fall detector on the real SisFall subset in {@code ../shared/data/sisfall}: the issue's
 * targets. Fails, never skips, when the data is not there.
 */
@Tag("medium")
class SisFallEvaluationTest {

    private static final Logger LOG = LoggerFactory.getLogger(SisFallEvaluationTest.class);

    @Test
    void meets_the_targets_on_the_shared_sisfall_subset() throws IOException {
        Path data = sharedSisFall();

        FallEvaluation.Summary summary = new FallEvaluation().evaluate(FallEvaluation.findTrials(data));
        StringWriter report = new StringWriter();
        FallEvaluation.report(summary, new PrintWriter(report));
        LOG.info("SisFall evaluation:\n{}", report);

        assertThat(summary.problems()).as("files that could not be read").isEmpty();
        assertThat(summary.falls()).as("fall trials found under " + data).isGreaterThanOrEqualTo(100);
        assertThat(summary.adls()).as("ADL trials found under " + data).isGreaterThanOrEqualTo(100);
        assertThat(summary.sensitivity()).as(report.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(summary.specificity()).as(report.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(FallEvaluation.summaryLine(summary))
                .matches("falls: trials=\\d+ falls=\\d+ adls=\\d+ sensitivity=\\d\\.\\d{3} specificity=\\d\\.\\d{3}");
    }

    private static Path sharedSisFall() {
        String root = System.getProperty("hearth.project.root");
        if (root == null || root.isBlank()) {
            fail("System property hearth.project.root is not set; run this test through Maven (surefire sets it "
                    + "to the project root) or pass -Dhearth.project.root=/path/to/hearth");
        }
        Path data = Path.of(root).resolve("../shared/data/sisfall").normalize();
        if (!Files.isDirectory(data)) {
            fail("The SisFall evaluation data is missing: expected the folder " + data + " (../shared/data/sisfall "
                    + "next to the project; see ../shared/data/README.md). This test never skips.");
        }
        return data;
    }
}
