package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.LanguageFile;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 18 §2: every language file says who reviewed it (nobody yet), the assistant says so at
 * start, and the docs list exactly the files nobody has reviewed.
 */
@Tag("small")
class LanguageReviewTest {

    static Stream<String> languages() {
        return LanguageFile.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyLanguageFileCarriesTheReviewedByField(String code) {
        assertThat(LanguageResources.builtIn(code).declaresReviewer())
                .as("%s.txt needs an '@reviewed-by' line (empty until a native speaker signs it off)", code).isTrue();
    }

    @Test
    void theFieldIsReadAndAMissingOneIsNoticed() {
        assertThat(LanguageFile.parse("a.txt", "@language xx\n@reviewed-by\n").reviewedBy()).isEmpty();
        assertThat(LanguageFile.parse("a.txt", "@language xx\n@reviewed-by\n").declaresReviewer()).isTrue();
        assertThat(LanguageFile.parse("b.txt", "@language xx\n@reviewed-by A. Reviewer, 2027-01-10\n").reviewedBy())
                .contains("A. Reviewer, 2027-01-10");
        assertThat(LanguageFile.parse("c.txt", "@language xx\n").declaresReviewer()).isFalse();
    }

    @Test
    void theAssistantSaysAtStartThatItsLanguageIsUnreviewed() {
        Logger logger = (Logger) LoggerFactory.getLogger(Assistant.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assistant("hi").start();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("the hi language file has not been reviewed by a native speaker"));
    }

    /** The docs name the unreviewed files in one line each, so a reviewer's sign-off must update them. */
    @Test
    void theDocsListExactlyTheUnreviewedFiles() throws IOException {
        String line = "Unreviewed language files: " + LanguageFile.ALL.stream()
                .filter(code -> LanguageResources.builtIn(code).reviewedBy().isEmpty())
                .sorted().map(code -> "`" + code + ".txt`").collect(Collectors.joining(", ")) + ".";
        for (Path doc : List.of(Path.of("README.md"), Path.of("../docs/voice.md"))) {
            assertThat(Files.readString(doc, StandardCharsets.UTF_8)).as(doc.toString()).contains(line);
        }
    }

    private static Assistant assistant(String code) {
        return new Assistant(LanguageResources.builtIn(code), new FakeAlarmPort(), new InMemoryReminderStore(),
                new RecordingSpeaker(), new VirtualScheduler(Instant.parse("2026-03-10T10:00:00Z"), ZoneId.of("Europe/London")),
                CouncilPack.builtIn("testshire-checked"), new Household(DayOfWeek.THURSDAY, "A", null), AssistantSettings.DEFAULT);
    }
}
