package org.hearth.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hearth.hub.store.StreamEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class StreamEventsTest {

    static final Instant AT = Instant.parse("2026-11-28T10:18:30Z");

    @Test
    void json_a_gateway_sent_over_several_lines_is_one_data_line() {
        String sent = "{\n  \"v\": 1,\n  \"home\": \"Flat 12\",\n  \"open_alerts\": 0\n}";
        String text = StreamEvents.render(new StreamEvent(7, "h-12", StreamEvent.Kind.SUMMARY, sent, AT));
        assertThat(text).isEqualTo("id: 7\nevent: summary\n"
                + "data: {\"v\":1,\"home\":\"Flat 12\",\"open_alerts\":0,\"received_at\":\"2026-11-28T10:18:30Z\"}\n\n");
    }

    @Test
    void gateway_silent_and_back_say_whether_it_is_connected_and_since_when() {
        assertThat(StreamEvents.render(new StreamEvent(8, "h-12", StreamEvent.Kind.GATEWAY_SILENT, "", AT)))
                .isEqualTo("id: 8\nevent: gateway\ndata: {\"home\":\"h-12\",\"connected\":false,\"since\":\"2026-11-28T10:18:30Z\"}\n\n");
        assertThat(StreamEvents.render(new StreamEvent(9, "h-12", StreamEvent.Kind.GATEWAY_BACK, "", AT)))
                .contains("event: gateway\n").contains("\"connected\":true");
    }
}
