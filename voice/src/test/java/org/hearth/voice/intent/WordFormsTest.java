package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

@Tag("small")
class WordFormsTest {

    @ParameterizedTest
    @CsvSource({
        "tablet, tablets, true",
        "fell, fall, true",
        "minute, minutes, true",
        // Three letters in ten differ: another word, not another form.
        "collected, collection, false",
        // Short words are too easily confused to count as forms of one another.
        "bin, bins, false",
        "cat, cap, false",
        // Lengths more than a quarter apart.
        "help, helpline, false",
        "daughter, doctor, false",
    })
    void nearMissesAreFormsOfOneWord(String a, String b, boolean near) {
        assertThat(WordForms.nearMiss(a, b)).isEqualTo(near);
        assertThat(WordForms.nearMiss(b, a)).isEqualTo(near);
    }
}
