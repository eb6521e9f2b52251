package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hearth.protocol.GatewayStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code hearth status} says plainly when no carer can be reached, and nothing when all is well. */
@Tag("small")
class StatusCommandTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");

    private static String printed(GatewayStatus status) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            StatusCommand.print(status, ZoneId.of("Europe/London"));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unreachable_carers_are_shown_with_since_when_and_that_messages_are_kept() {
        String text = printed(new GatewayStatus(1, "Flat 12", AT, List.of(), List.of(), 3, AT.minusSeconds(900)));
        assertThat(text).contains("Messages waiting to be sent to carers: 3")
                .contains("CARERS UNREACHABLE since 28 Nov 10:00: no carer's device answers. "
                        + "Messages are kept and sent as soon as one does.");
    }

    @Test
    void reachable_carers_need_no_line() {
        assertThat(printed(new GatewayStatus(1, "Flat 12", AT, List.of(), List.of(), 0))).doesNotContain("UNREACHABLE");
    }
}
