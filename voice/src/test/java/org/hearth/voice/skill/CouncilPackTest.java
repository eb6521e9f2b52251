package org.hearth.voice.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class CouncilPackTest {

    @Test
    void leicesterSampleLoadsAndSaysItIsASample() {
        CouncilPack pack = CouncilPack.builtIn("leicester");
        assertThat(pack.council()).isEqualTo("Leicester City Council");
        assertThat(pack.sample()).isTrue();
        assertThat(pack.notice()).containsIgnoringCase("checked by the council");
        assertThat(pack.bins().streams()).containsExactly("recycling", "general");
        assertThat(pack.bins().shifts()).isNotEmpty();
        assertThat(pack.libraries()).isNotEmpty();
        assertThat(pack.councilTax().phone()).matches("[0-9 ]+");
        assertThat(pack.digitalHelpline().name()).containsIgnoringCase("safety net");
        assertThat(pack.universalCreditHelp().name()).isNotBlank();
        assertThat(pack.socialCare().phone()).isNotBlank();
        assertThat(pack.benefitsAdvice().phone()).isNotBlank();
    }

    @Test
    void aTypoInAKeyIsReportedWithItsLine() {
        String yaml = """
                format: 1
                id: test
                council: Test
                version: "1"
                sample: true
                bins:
                  streams: [general]
                  rounds: {A: "2026-01-05"}
                  bank_holliday_shifts: []
                """;
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CouncilPackException.class)
                .hasMessageContaining("test.yaml:9").hasMessageContaining("bank_holliday_shifts");
    }

    @Test
    void aMissingSectionIsNamed() {
        String yaml = """
                format: 1
                id: test
                council: Test
                version: "1"
                sample: true
                bins:
                  streams: [general]
                  rounds: {A: "2026-01-05"}
                libraries: []
                """;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("council_tax is missing");
    }

    @Test
    void aBadDateIsNamed() {
        String yaml = """
                format: 1
                id: test
                council: Test
                version: "1"
                sample: true
                bins:
                  streams: [general]
                  rounds: {A: "5 Jan"}
                """;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("bins.rounds.A").hasMessageContaining("5 Jan");
    }

    @Test
    void aNewerFormatIsRefused() {
        assertThatThrownBy(() -> read("format: 3\n")).hasMessageContaining("format 3 is not supported");
    }

    private static CouncilPack read(String yaml) throws Exception {
        return CouncilPackReader.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
