package org.hearth.voice.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.List;
import org.hearth.voice.skill.CollectionAddresses.Area;
import org.hearth.voice.skill.CollectionAddresses.Match;
import org.hearth.voice.skill.CollectionAddresses.Strength;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class CollectionAddressesTest {

    private static final CollectionAddresses STREETS = new CollectionAddresses(List.of(
            new Area("Larkspur Road", "LE2 9", DayOfWeek.TUESDAY, "A", null),
            new Area("Larkspur Road", "LE5 3", DayOfWeek.THURSDAY, "B", null),
            new Area("Church Street", null, DayOfWeek.WEDNESDAY, "A", null),
            new Area("St Peter's Walk", "LE3", DayOfWeek.MONDAY, "A", null),
            new Area(null, "LE5 7", DayOfWeek.FRIDAY, "B", null)));

    @Test
    void case_punctuation_abbreviations_and_postcode_spacing_do_not_matter() {
        assertThat(only("12 larkspur rd., le2 9xy")).isEqualTo(new Match(STREETS.areas().get(0), Strength.STREET_AND_POSTCODE));
        assertThat(only("Flat 3, 12 LARKSPUR ROAD, LEICESTER LE29XY")).isEqualTo(only("12 larkspur rd., le2 9xy"));
        assertThat(only("7 Church St")).extracting(m -> m.area().day()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(only("4 st. peters walk LE3 1AB")).extracting(m -> m.area().day()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void the_postcode_decides_between_streets_of_the_same_name() {
        assertThat(only("12 Larkspur Road LE5 3QT").area().day()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(STREETS.lookup("12 Larkspur Road")).hasSize(2).allMatch(m -> m.strength() == Strength.STREET);
        assertThat(STREETS.lookup("12 Larkspur Road, LE2")).as("an outward code alone is too short to choose")
                .hasSize(1).allMatch(m -> m.area().round().equals("A"));
    }

    @Test
    void a_postcode_area_covers_any_street_in_it_but_a_street_elsewhere_does_not_match() {
        assertThat(only("3 Nowhere Lane, LE5 7AA").area().round()).isEqualTo("B");
        assertThat(STREETS.lookup("12 Larkspur Road, LE9 4ZZ")).isEmpty();
        assertThat(STREETS.lookup("1 Unknown Avenue")).isEmpty();
        assertThat(STREETS.lookup("")).isEmpty();
    }

    @Test
    void a_word_inside_another_street_name_is_no_match() {
        assertThat(STREETS.lookup("Old Church Streetway")).isEmpty();
    }

    @Test
    void the_leicester_sample_pack_has_addresses_and_a_bad_round_is_refused() throws Exception {
        CouncilPack pack = CouncilPack.builtIn("leicester-sample");
        assertThat(pack.addresses().isEmpty()).isFalse();
        assertThat(pack.addresses().lookup("12 Larkspur Rd, LE2 9XY")).singleElement()
                .satisfies(m -> assertThat(m.area().library()).isEqualTo("Central Library"));
        String leicester;
        try (var in = CouncilPack.class.getResourceAsStream("/org/hearth/voice/council/leicester-sample.yaml")) {
            leicester = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String badRound = leicester.replaceFirst("postcode: \"LE2 9\", day: tuesday, round: A", "postcode: \"LE2 9\", day: tuesday, round: C");
        assertThat(badRound).isNotEqualTo(leicester);
        assertThatThrownBy(() -> CouncilPackReader.read("test.yaml", new ByteArrayInputStream(badRound.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("addresses[0].round").hasMessageContaining("'C'");
    }

    private static Match only(String typed) {
        List<Match> found = STREETS.lookup(typed);
        assertThat(found).as(typed).hasSize(1);
        return found.get(0);
    }
}
