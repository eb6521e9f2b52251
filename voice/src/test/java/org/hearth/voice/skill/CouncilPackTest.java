package org.hearth.voice.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class CouncilPackTest {

    @Test
    void leicesterIsCheckedAndEveryFactHasASourceAndACheckedDate() {
        CouncilPack pack = CouncilPack.builtIn("leicester");
        assertThat(pack.council()).isEqualTo("Leicester City Council");
        assertThat(pack.sample()).isFalse();
        LocalDate checked = LocalDate.parse("2026-12-05");
        assertThat(pack.expires()).hasValueSatisfying(e -> assertThat(e).isAfter(checked));
        assertThat(pack.addresses().isEmpty()).as("no invented streets in a checked pack").isTrue();
        assertThat(pack.bins().weeks()).containsExactly(List.of("general", "recycling"));
        assertThat(pack.bins().bySubscription()).containsExactly("garden");
        assertThat(pack.bins().shifts()).as("no sourced bank-holiday changes").isEmpty();
        assertThat(pack.bins().source().reference()).contains("leicester.gov.uk");
        assertThat(pack.service(CouncilService.MAIN)).as("no source found for the main number").isEmpty();
        assertThat(pack.service(CouncilService.PENSION_CREDIT).orElseThrow().phone()).isEqualTo("0800 99 1234");
        assertThat(pack.service(CouncilService.ATTENDANCE_ALLOWANCE).orElseThrow().phone()).isEqualTo("0800 731 0122");
        List<Source> sources = new java.util.ArrayList<>();
        sources.add(pack.bins().source());
        pack.libraries().forEach(l -> sources.add(l.source()));
        pack.services().values().forEach(s -> sources.add(s.source()));
        assertThat(sources).hasSize(2 + 1 + 5).allSatisfy(s -> {
            assertThat(s.reference()).isNotBlank();
            assertThat(s.checked()).isEqualTo(checked);
        });
        assertThat(pack.libraries()).allSatisfy(l -> assertThat(l.hours()).as("no sourced hours").isEmpty());
    }

    @Test
    void theSampleKeepsItsInventedStreetsAndNeedsNoSources() {
        CouncilPack pack = CouncilPack.builtIn("leicester-sample");
        assertThat(pack.sample()).isTrue();
        assertThat(pack.expires()).isEmpty();
        assertThat(pack.addresses().isEmpty()).isFalse();
        assertThat(pack.service(CouncilService.COUNCIL_TAX).orElseThrow().source()).isNull();
    }

    @Test
    void aCheckedPackRefusesFactsWithoutSourcesAndListsEachOne() {
        String yaml = """
                format: 3
                id: test
                council: Test
                version: "1"
                sample: false
                bins:
                  streams: [[general]]
                  rounds: {A: "2026-01-05"}
                  source: https://example.org/bins
                libraries:
                  - {name: Town Library, checked: "2026-12-05"}
                council_tax: {name: the tax line, phone: "0116 496 0123"}
                pension_credit: {name: the claim line, phone: "0800 99 1234", source: gov.uk, checked: "2026-12-05"}
                """;
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CouncilPackException.class)
                .hasMessageContaining("test.yaml: this pack is not a sample")
                .hasMessageContaining("missing: expires, bins.checked, libraries[Town Library].source, "
                        + "council_tax.source, council_tax.checked");
    }

    @Test
    void aCheckedPackOfAnOlderFormatIsRefusedForItsMissingSources() {
        String yaml = """
                format: 2
                id: test
                council: Test
                version: "1"
                sample: false
                bins:
                  streams: [general]
                  rounds: {A: "2026-01-05"}
                libraries: []
                council_tax: {name: a, phone: "0116 496 0001", hours: {}}
                adult_social_care: {name: a, phone: "0116 496 0001", hours: {}}
                digital_helpline: {name: a, phone: "0116 496 0001", hours: {}}
                benefits_advice: {name: a, phone: "0116 496 0001", hours: {}}
                universal_credit_help: {name: a, phone: "0116 496 0001", hours: {}}
                """;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("missing: expires, bins.source, bins.checked,")
                .hasMessageContaining("universal_credit_help.checked");
    }

    @Test
    void aCheckedPackMayNotListStreets() {
        String yaml = """
                format: 3
                id: test
                council: Test
                version: "1"
                sample: false
                expires: "2027-01-01"
                bins: {streams: [[general]], rounds: {A: "2026-01-05"}, source: s, checked: "2026-12-05"}
                addresses:
                  - {postcode: "LE1", day: monday, round: A}
                """;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("addresses are for sample packs only");
    }

    @Test
    void aBadCheckedDateIsNamed() {
        String yaml = """
                format: 3
                id: test
                council: Test
                version: "1"
                sample: false
                expires: "2027-01-01"
                bins: {streams: [[general]], rounds: {A: "2026-01-05"}, source: s, checked: "last week"}
                """;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("bins.checked: 'last week' is not a date");
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
        assertThatThrownBy(() -> read("format: 4\n")).hasMessageContaining("format 4 is not supported");
    }

    private static CouncilPack read(String yaml) throws Exception {
        return CouncilPackReader.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
