package org.hearth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs the groups small, medium and large ({@code ./run-tests}); {@code bench} is the
 * wall-clock benchmarks' tag, which {@code ./run-benches} runs on its own. A test class with none of
 * these tags would silently never run. This reads every module's test sources (the build passes the project's root) and
 * fails on a concrete class with tests but no {@code @Tag}. Abstract bases are exempt: their
 * tagged subclasses run them.
 */
@Tag("small")
class TestTiersTest {

    private static final Pattern TESTS = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b");
    private static final Pattern SIZE = Pattern.compile("@Tag\\(\"(small|medium|large|bench)\"\\)");
    private static final Pattern ABSTRACT = Pattern.compile("\\babstract\\s+class\\b");

    @Test
    void every_test_class_has_a_size_tag() throws IOException {
        Path root = Path.of(System.getProperty("hearth.project.root", "."));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/test/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        }
        assertThat(sources).as("test sources under %s", root).hasSizeGreaterThan(50);
        List<Path> untagged = sources.stream().filter(TestTiersTest::untagged).map(root::relativize).toList();
        assertThat(untagged).as("test classes without @Tag(\"small\"|\"medium\"|\"large\"|\"bench\"), which would never run").isEmpty();
    }

    private static boolean untagged(Path file) {
        try {
            String text = Files.readString(file);
            return TESTS.matcher(text).find() && !SIZE.matcher(text).find() && !ABSTRACT.matcher(text).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
