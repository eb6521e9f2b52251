package org.hearth.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The hub uplink's records (docs/hub-api.md §2) against the contract's own examples. */
@Tag("small")
class HubRecordsTest {

    private static final UUID ID = UUID.fromString("3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b");

    static final String EVENT_VECTOR = "{\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"seq\":4,"
            + "\"at\":\"2026-11-28T10:16:02Z\",\"state\":\"acknowledged\",\"event\":\"ACKNOWLEDGED\",\"carer\":\"Priya\","
            + "\"level\":1,\"detail\":\"Acknowledged by Priya: on my way\"}";

    static final String SUMMARY_VECTOR = "{\"v\":1,\"home\":\"Flat 12\",\"at\":\"2026-11-28T10:45:00Z\","
            + "\"rooms\":[{\"room\":\"kitchen\",\"last_movement\":\"2026-11-28T10:42:00Z\",\"temperature_c\":19.5}],"
            + "\"resident\":{\"state\":\"up\",\"words\":\"up this morning at 07:15 (usually 07:20)\",\"since\":\"2026-11-28T07:15:00Z\"},"
            + "\"sensors\":[{\"id\":\"cord-bathroom\",\"room\":\"bathroom\",\"status\":\"SUSPECT\",\"reason\":\"check the battery\"}],"
            + "\"open_alerts\":1,\"gateway\":{\"version\":\"0.2.0\",\"up_since\":\"2026-11-27T22:01:13Z\"}}";

    static final String DOWN_VECTOR = "{\"v\":1,\"entries\":["
            + "{\"seq\":17,\"kind\":\"ack\",\"ack\":{\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\","
            + "\"at\":\"2026-11-28T10:16:02Z\",\"note\":\"on my way\"},\"device\":\"Priya's phone\"},"
            + "{\"seq\":18,\"kind\":\"resolve\",\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"by\":\"Priya\","
            + "\"at\":\"2026-11-28T10:40:00Z\",\"outcome\":\"helped_up\",\"note\":\"Sat her in the chair\"},"
            + "{\"seq\":19,\"kind\":\"check_now\"}]}";

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void an_alert_event_is_the_contracts_example_and_back() throws Exception {
        var event = new AlertEvent(1, ID, 4, Instant.parse("2026-11-28T10:16:02Z"), "acknowledged", "ACKNOWLEDGED", "Priya", 1,
                "Acknowledged by Priya: on my way");
        assertThat(text(WireCodec.encode(event))).isEqualTo(EVENT_VECTOR);
        assertThat(WireCodec.decodeAlertEvent(bytes(EVENT_VECTOR))).isEqualTo(event);
        assertThat(event.receipt()).isEqualTo(ID + ":4");
    }

    @Test
    void a_resolution_event_carries_the_carers_outcome_as_a_value_and_an_event_without_one_reads_as_before() throws Exception {
        String resolved = "{\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"seq\":5,"
                + "\"at\":\"2026-11-28T10:40:00Z\",\"state\":\"resolved\",\"event\":\"RESOLVED\",\"carer\":\"Priya\","
                + "\"level\":1,\"detail\":\"Resolved by Priya (helped up)\",\"outcome\":\"helped_up\"}";
        var event = new AlertEvent(1, ID, 5, Instant.parse("2026-11-28T10:40:00Z"), "resolved", "RESOLVED", "Priya", 1,
                "Resolved by Priya (helped up)", Down.Outcome.HELPED_UP);
        assertThat(text(WireCodec.encode(event))).isEqualTo(resolved);
        assertThat(WireCodec.decodeAlertEvent(bytes(resolved))).isEqualTo(event);
        assertThat(WireCodec.decodeAlertEvent(bytes(EVENT_VECTOR)).outcome()).as("a gateway that sends none").isNull();
        assertThatThrownBy(() -> WireCodec.decodeAlertEvent(bytes(resolved.replace("helped_up", "fell_asleep"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("outcome");
    }

    @Test
    void an_event_after_which_a_level_is_due_says_when_and_to_whom_and_every_other_leaves_both_off_the_wire() throws Exception {
        String raised = "{\"v\":1,\"alert_id\":\"3f2b8c1e-6a4d-4e8f-9b1a-2c3d4e5f6a7b\",\"seq\":1,"
                + "\"at\":\"2026-11-28T08:30:00Z\",\"state\":\"raised\",\"event\":\"RAISED\",\"carer\":\"\","
                + "\"level\":1,\"detail\":\"Fall in the hall. Telling level 1 (Priya).\","
                + "\"next_at\":\"2026-11-28T08:40:00Z\",\"next_to\":\"Helpline\"}";
        var event = new AlertEvent(1, ID, 1, Instant.parse("2026-11-28T08:30:00Z"), "raised", "RAISED", "", 1,
                "Fall in the hall. Telling level 1 (Priya).", null, Instant.parse("2026-11-28T08:40:00Z"), "Helpline");
        assertThat(text(WireCodec.encode(event))).isEqualTo(raised);
        assertThat(WireCodec.decodeAlertEvent(bytes(raised))).isEqualTo(event);

        AlertEvent old = WireCodec.decodeAlertEvent(bytes(EVENT_VECTOR));
        assertThat(old.nextAt()).as("a gateway that predates the fields").isNull();
        assertThat(old.nextTo()).isNull();
        assertThat(text(WireCodec.encode(old))).as("absent fields stay off the wire").isEqualTo(EVENT_VECTOR)
                .doesNotContain("next_").doesNotContain("outcome");
        assertThatThrownBy(() -> WireCodec.decodeAlertEvent(bytes(raised.replace(",\"next_to\":\"Helpline\"", ""))))
                .as("a time without a who").isInstanceOf(ProtocolException.class).hasMessageContaining("next_to");
        assertThatThrownBy(() -> WireCodec.decodeAlertEvent(bytes(raised.replace("2026-11-28T08:40:00Z", "at ten"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("next_at");
    }

    @Test
    void a_home_summary_is_the_contracts_example_and_back() throws Exception {
        var summary = new HomeSummary(1, "Flat 12", Instant.parse("2026-11-28T10:45:00Z"),
                List.of(new HomeSummary.Room("kitchen", Instant.parse("2026-11-28T10:42:00Z"), 19.5)),
                new HomeSummary.Resident(HomeSummary.ResidentState.UP, "up this morning at 07:15 (usually 07:20)",
                        Instant.parse("2026-11-28T07:15:00Z")),
                List.of(new HomeSummary.Sensor("cord-bathroom", "bathroom", "SUSPECT", "check the battery")),
                1, new HomeSummary.Gateway("0.2.0", Instant.parse("2026-11-27T22:01:13Z")));
        assertThat(text(WireCodec.encode(summary))).isEqualTo(SUMMARY_VECTOR);
        assertThat(WireCodec.decodeHomeSummary(bytes(SUMMARY_VECTOR))).isEqualTo(summary);
    }

    @Test
    void a_room_with_no_temperature_reads_back_as_unknown() throws Exception {
        String noTemperature = SUMMARY_VECTOR.replace(",\"temperature_c\":19.5", "");
        assertThat(WireCodec.decodeHomeSummary(bytes(noTemperature)).rooms().get(0).temperatureC()).isNull();
    }

    @Test
    void down_entries_are_the_contracts_example_and_back() throws Exception {
        var down = new Down(1, List.of(
                Down.Entry.ack(17, new Acknowledgement(1, ID, "Priya", Instant.parse("2026-11-28T10:16:02Z"), "on my way"),
                        "Priya's phone"),
                Down.Entry.resolve(18, ID, "Priya", Instant.parse("2026-11-28T10:40:00Z"), Down.Outcome.HELPED_UP,
                        "Sat her in the chair"),
                Down.Entry.checkNow(19)));
        assertThat(text(WireCodec.encode(down))).isEqualTo(DOWN_VECTOR);
        assertThat(WireCodec.decodeDown(bytes(DOWN_VECTOR))).isEqualTo(down);
    }

    @Test
    void a_down_entry_missing_what_its_kind_needs_is_refused_with_a_clear_error() {
        String noAck = "{\"v\":1,\"entries\":[{\"seq\":17,\"kind\":\"ack\"}]}";
        assertThatThrownBy(() -> WireCodec.decodeDown(bytes(noAck))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("an ack entry needs ack");
        String badOutcome = DOWN_VECTOR.replace("helped_up", "went_home");
        assertThatThrownBy(() -> WireCodec.decodeDown(bytes(badOutcome))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("outcome");
    }

    @Test
    void a_kind_this_side_does_not_know_is_kept_as_it_came() throws Exception {
        var down = WireCodec.decodeDown(bytes("{\"v\":1,\"entries\":[{\"seq\":20,\"kind\":\"delivered\",\"by\":\"Tom\"}]}"));
        assertThat(down.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Down.DELIVERED);
            assertThat(e.by()).isEqualTo("Tom");
        });
    }
}
