package org.hearth.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A carer's resolution (POST /alerts/{id}/resolve) against the vector of docs/protocol.md. */
@Tag("small")
class ResolutionCodecTest {

    private static final UUID ID = UUID.fromString("3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b");

    static final String VECTOR = "{\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\","
            + "\"at\":\"2026-11-28T10:40:00Z\",\"outcome\":\"helped_up\",\"note\":\"Sat her in the chair\"}";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_resolution_encodes_to_the_documented_vector_and_back() throws Exception {
        var resolution = new Resolution(1, ID, "Priya", Instant.parse("2026-11-28T10:40:00Z"), Down.Outcome.HELPED_UP,
                "Sat her in the chair");
        assertThat(new String(WireCodec.encode(resolution), StandardCharsets.UTF_8)).isEqualTo(VECTOR);
        assertThat(WireCodec.decodeResolution(bytes(VECTOR))).isEqualTo(resolution);
    }

    @Test
    void every_outcome_of_the_hub_travels_and_the_note_may_be_left_out() throws Exception {
        for (Down.Outcome outcome : Down.Outcome.values()) {
            String json = VECTOR.replace("helped_up", outcome.wire()).replace(",\"note\":\"Sat her in the chair\"", "");
            var read = WireCodec.decodeResolution(bytes(json));
            assertThat(read.outcome()).isEqualTo(outcome);
            assertThat(read.note()).isEmpty();
        }
        assertThat(Down.Outcome.AMBULANCE_CALLED.words()).isEqualTo("ambulance called");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an outcome nobody knows | {\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\",\"at\":\"2026-11-28T10:40:00Z\",\"outcome\":\"went_home\"} | outcome",
        "no outcome | {\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\",\"at\":\"2026-11-28T10:40:00Z\"} | outcome",
        "no alert id | {\"v\":1,\"by\":\"Priya\",\"at\":\"2026-11-28T10:40:00Z\",\"outcome\":\"other\"} | alert_id",
        "an alert id that is not one | {\"v\":1,\"alert_id\":\"7\",\"by\":\"Priya\",\"at\":\"2026-11-28T10:40:00Z\",\"outcome\":\"other\"} | alert_id",
        "no one closing it | {\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"at\":\"2026-11-28T10:40:00Z\",\"outcome\":\"other\"} | by",
        "a time that is not one | {\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\",\"at\":\"teatime\",\"outcome\":\"other\"} | at",
        "another version | {\"v\":2,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\",\"at\":\"2026-11-28T10:40:00Z\",\"outcome\":\"other\"} | version",
        "not JSON | resolved! | not valid JSON",
        "a list | [1] | not a JSON object",
    })
    void bad_resolutions_are_refused_with_words_that_say_what_is_wrong(String what, String payload, String says) {
        assertThatThrownBy(() -> WireCodec.decodeResolution(bytes(payload)))
                .as(what)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("resolution")
                .hasMessageContaining(says);
    }

    @Test
    void an_empty_resolution_is_refused() {
        assertThatThrownBy(() -> WireCodec.decodeResolution(new byte[0])).isInstanceOf(ProtocolException.class)
                .hasMessage("empty resolution payload");
    }
}
