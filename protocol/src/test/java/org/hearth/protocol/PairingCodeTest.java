package org.hearth.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("small")
class PairingCodeTest {

    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    /** The test vector of docs/protocol.md. */
    static final String VECTOR = "hearth:pair?v=1&gateway=coaps://192.0.2.20:5684&name=Priya%20Shah&identity=priya-3f9a"
            + "&key=00112233445566778899aabbccddeeff";

    @Test
    void a_code_writes_the_documented_text_and_reads_it_back() throws Exception {
        PairingCode code = new PairingCode(URI.create("coaps://192.0.2.20:5684"), "Priya Shah", "priya-3f9a", KEY);

        assertThat(code.text()).isEqualTo(VECTOR);
        assertThat(PairingCode.parse(VECTOR)).isEqualTo(code);
        assertThat(PairingCode.parse("  " + VECTOR + "\n").key()).isEqualTo(KEY);
    }

    @Test
    void the_key_never_shows_in_its_string_form() {
        PairingCode code = new PairingCode(URI.create("coaps://192.0.2.20:5684"), "Priya", "priya-3f9a", KEY);
        assertThat(code.toString()).contains("priya-3f9a").doesNotContain("00112233").contains("<masked>");
    }

    @Test
    void names_with_any_characters_survive_the_round_trip() throws Exception {
        Random random = new Random(6);
        for (int i = 0; i < 200; i++) {
            StringBuilder name = new StringBuilder("x");
            for (int j = 0; j < 12; j++) {
                name.append((char) (0x20 + random.nextInt(0x2000)));
            }
            byte[] key = new byte[16];
            random.nextBytes(key);
            PairingCode code = new PairingCode(URI.create("coaps://[::1]:5684"), name.toString(), "id&=?" + i, key);
            assertThat(PairingCode.parse(code.text())).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "https://example.org/",
        "hearth:pair?v=2&gateway=coaps://h:1&name=a&identity=b&key=00112233445566778899aabbccddeeff",
        "hearth:pair?v=1&gateway=coaps://h:1&name=a&identity=b&key=0011",
        "hearth:pair?v=1&gateway=coaps://h:1&name=a&identity=b&key=zz112233445566778899aabbccddeeff",
        "hearth:pair?v=1&gateway=coap://h:1&name=a&identity=b&key=00112233445566778899aabbccddeeff",
        "hearth:pair?v=1&gateway=coaps://h:1&identity=b&key=00112233445566778899aabbccddeeff",
        "hearth:pair?v=1&gateway=coaps://h:1&name=a&identity=b&key=00112233445566778899aabbccddeeff&junk",
        "hearth:pair?v=1&gateway=coaps://h:1&name=%zz&identity=b&key=00112233445566778899aabbccddeeff",
    })
    void a_bad_code_is_refused_in_words_that_never_repeat_the_key(String text) {
        assertThatThrownBy(() -> PairingCode.parse(text)).isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("112233445566778899"));
    }
}
