package org.hearth.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class HubPairingCodeTest {

    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    /** The example of docs/hub-api.md. */
    static final String VECTOR = "hearth:hub?v=1&hub=coaps://hub.example.org:5684&label=Flat%2012&identity=home-k3x9q2mf"
            + "&key=00112233445566778899aabbccddeeff";

    @Test
    void a_code_writes_the_documented_text_and_reads_it_back() throws Exception {
        HubPairingCode code = new HubPairingCode(URI.create("coaps://hub.example.org:5684"), "Flat 12", "home-k3x9q2mf", KEY);
        assertThat(code.text()).isEqualTo(VECTOR);
        assertThat(HubPairingCode.parse(" " + VECTOR + "\n")).isEqualTo(code);
        assertThat(code.toString()).doesNotContain("00112233");
    }

    @Test
    void a_carers_code_a_short_key_and_a_hub_without_port_are_refused_without_repeating_the_key() {
        assertThatThrownBy(() -> HubPairingCode.parse(PairingCodeTest.VECTOR)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("must start with hearth:hub?");
        assertThatThrownBy(() -> HubPairingCode.parse(VECTOR.replace("eeff", ""))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("16 bytes").hasMessageNotContaining("0011");
        assertThatThrownBy(() -> HubPairingCode.parse(VECTOR.replace(":5684", ""))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("coaps://HOST:PORT");
    }
}
