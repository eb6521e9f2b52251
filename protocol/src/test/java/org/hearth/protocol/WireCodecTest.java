package org.hearth.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("small")
class WireCodecTest {

    private static final UUID ID = UUID.fromString("3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b");
    private static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");

    /** The test vector of docs/protocol.md, byte for byte. */
    static final String ALERT_VECTOR = "{\"v\":1,\"id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"kind\":\"help\","
            + "\"severity\":\"urgent\",\"home\":\"Flat 12\",\"room\":\"bathroom\",\"raised_at\":\"2026-11-28T10:15:30Z\","
            + "\"level\":1,\"message\":\"The pull cord in the bathroom was pulled at 10:15.\",\"test\":false}";

    static final String ACK_VECTOR = "{\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\","
            + "\"at\":\"2026-11-28T10:16:02Z\",\"note\":\"on my way\"}";

    @Test
    void an_alert_encodes_to_the_documented_vector_and_back() throws Exception {
        Alert alert = new Alert(1, ID, AlertKind.HELP, Severity.URGENT, "Flat 12", "bathroom", AT, 1,
                "The pull cord in the bathroom was pulled at 10:15.", false);

        assertThat(new String(WireCodec.encode(alert), StandardCharsets.UTF_8)).isEqualTo(ALERT_VECTOR);
        assertThat(WireCodec.decodeAlert(ALERT_VECTOR.getBytes(StandardCharsets.UTF_8))).isEqualTo(alert);
    }

    @Test
    void an_acknowledgement_encodes_to_the_documented_vector_and_back() throws Exception {
        var ack = new Acknowledgement(1, ID, "Priya", Instant.parse("2026-11-28T10:16:02Z"), "on my way");
        assertThat(new String(WireCodec.encode(ack), StandardCharsets.UTF_8)).isEqualTo(ACK_VECTOR);
        assertThat(WireCodec.decodeAck(ACK_VECTOR.getBytes(StandardCharsets.UTF_8))).isEqualTo(ack);
    }

    @Test
    void heartbeat_and_status_round_trip() throws Exception {
        var hb = new Heartbeat(1, "Flat 12", AT, 42, 60, Heartbeat.RUNNING);
        assertThat(WireCodec.decodeHeartbeat(WireCodec.encode(hb))).isEqualTo(hb);

        var status = new GatewayStatus(1, "Flat 12", AT,
                List.of(new GatewayStatus.SensorStatus("cord-1", "bathroom", "pull_cord", "ONLINE", "", AT)),
                List.of(new GatewayStatus.OpenAlert(ID, AlertKind.FALL, "hall", AT, "RAISED", 1)), 2);
        assertThat(WireCodec.decodeStatus(WireCodec.encode(status))).isEqualTo(status);
    }

    @Test
    void a_status_carries_what_each_radar_sees() throws Exception {
        var status = new GatewayStatus(1, "Flat 12", AT, List.of(), List.of(), 0, null,
                List.of(new GatewayStatus.RadarPresence("radar-living", GatewayStatus.Seen.STILL, AT)));
        String json = new String(WireCodec.encode(status), StandardCharsets.UTF_8);
        assertThat(json).contains("\"presence\":[{\"sensor_id\":\"radar-living\",\"seen\":\"still\",\"since\":\"2026-11-28T10:15:30Z\"}]");
        assertThat(WireCodec.decodeStatus(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(status);
    }

    @Test
    void a_status_says_since_when_no_carer_answers_and_an_older_gateway_without_the_field_still_reads() throws Exception {
        var status = new GatewayStatus(1, "Flat 12", AT, List.of(), List.of(), 3, AT.minusSeconds(600));
        String json = new String(WireCodec.encode(status), StandardCharsets.UTF_8);
        assertThat(json).contains("\"carers_unreachable_since\":\"2026-11-28T10:05:30Z\"");
        assertThat(WireCodec.decodeStatus(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(status);

        String older = "{\"v\":1,\"home\":\"Flat 12\",\"at\":\"2026-11-28T10:15:30Z\",\"sensors\":[],\"open_alerts\":[],\"queued\":0}";
        assertThat(WireCodec.decodeStatus(older.getBytes(StandardCharsets.UTF_8)).carersUnreachableSince()).isNull();
        assertThat(WireCodec.decodeStatus(older.getBytes(StandardCharsets.UTF_8)).presence()).isEmpty();
        String missingQueued = older.replace(",\"queued\":0", "");
        assertThatThrownBy(() -> WireCodec.decodeStatus(missingQueued.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("queued");
    }

    @Test
    void unknown_fields_from_a_newer_peer_are_ignored() throws Exception {
        String withExtra = ALERT_VECTOR.replace("\"test\":false", "\"test\":false,\"photo\":\"none\"");
        assertThat(WireCodec.decodeAlert(withExtra.getBytes(StandardCharsets.UTF_8)).id()).isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[1,2,3]",
        "{\"v\":2}",
        "{\"id\":\"x\"}",
        "{\"v\":1,\"id\":\"not-a-uuid\"}",
        "{\"v\":1,\"id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"kind\":\"meteor\"}",
        "{\"v\":1,\"id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\"}",
        "{\"v\":1,\"id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"kind\":\"help\",\"severity\":\"urgent\",\"home\":\"h\",\"room\":\"r\",\"raised_at\":\"2026-11-28T10:15:30Z\",\"level\":0,\"message\":\"m\",\"test\":false}",
        "{\"v\":1,\"id\":\"3f2b8c1e",
    })
    void malformed_alerts_are_refused_with_a_protocol_exception(String payload) {
        assertThatThrownBy(() -> WireCodec.decodeAlert(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("alert");
    }

    @Test
    void oversized_payloads_are_refused_unread() {
        byte[] big = new byte[Protocol.MAX_PAYLOAD_BYTES + 1];
        assertThatThrownBy(() -> WireCodec.decodeAlert(big)).isInstanceOf(ProtocolException.class).hasMessageContaining("exceeds");
    }

    @Test
    void random_bytes_never_escape_as_anything_but_a_protocol_exception() {
        var random = new java.util.Random(20261128L);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            try {
                WireCodec.decodeAlert(junk);
            } catch (ProtocolException expected) {
                // the only allowed failure
            }
        }
    }
}
