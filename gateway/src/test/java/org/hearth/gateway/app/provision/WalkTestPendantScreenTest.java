package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.gateway.coap.WalkTestReport;
import org.hearth.gateway.domain.WalkTestMode.Heard;
import org.hearth.gateway.domain.WalkTestMode.Trial;
import org.hearth.protocol.GatewayStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The walk-test screen's view of a pendant: streaming is not seen; its button and its movement each are, typed. */
@Tag("small")
class WalkTestPendantScreenTest {

    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    private static GatewayStatus status(Instant at, Instant pendantLastEvent) {
        return new GatewayStatus(1, "Flat 3", at, List.of(
                new GatewayStatus.SensorStatus("pendant", "worn pendant", "thingy52", "ONLINE", "working normally", pendantLastEvent),
                new GatewayStatus.SensorStatus("cord-bathroom", "bathroom", "pull_cord", "ONLINE", "working normally", null)),
                List.of(), 0);
    }

    @Test
    void a_streaming_pendant_is_seen_only_once_its_button_and_its_movement_are_both_heard() {
        WalkTest test = new WalkTest(status(START, START.minusSeconds(1)), Map.of("pendant", Set.of(Trial.PRESSED, Trial.MOVED)));
        assertThat(test.waiting()).extracting(WalkTest.Sensor::plain)
                .containsExactly("pendant (pendant): press its button and shake it", "pull cord in the bathroom (cord-bathroom)");

        assertThat(test.update(status(START.plusSeconds(5), START.plusSeconds(5)), List.of())).as("it streams").isEmpty();

        List<WalkTest.Seen> pressed = test.update(status(START.plusSeconds(6), START.plusSeconds(6)),
                List.of(new Heard("pendant", Trial.PRESSED, START.plusSeconds(6))));
        assertThat(pressed).extracting(WalkTest.Seen::words, WalkTest.Seen::done)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("the pendant's button works (pendant)", false));
        assertThat(test.pendantsAwaiting()).containsExactly(Map.entry("pendant", Set.of(Trial.MOVED)));

        List<Heard> both = List.of(new Heard("pendant", Trial.PRESSED, START.plusSeconds(6)),
                new Heard("pendant", Trial.MOVED, START.plusSeconds(9)));
        List<WalkTest.Seen> moved = test.update(status(START.plusSeconds(9), START.plusSeconds(9)), both);
        assertThat(moved).extracting(WalkTest.Seen::words, WalkTest.Seen::done)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("the pendant felt the movement (pendant)", true));
        assertThat(test.seen()).containsOnlyKeys("pendant");
        assertThat(test.update(status(START.plusSeconds(10), START.plusSeconds(10)), both)).as("each told once").isEmpty();
        assertThat(test.waiting()).extracting(WalkTest.Sensor::id).containsExactly("cord-bathroom");
    }

    @Test
    void the_report_goes_over_the_wire_typed_and_a_report_without_its_fields_is_refused() throws IOException {
        WalkTestReport report = new WalkTestReport(List.of(new Heard("pendant", Trial.MOVED, START)));

        assertThat(report.json()).isEqualTo("{\"heard\":[{\"sensor_id\":\"pendant\",\"trial\":\"MOVED\",\"at\":\"2026-12-05T10:00:00Z\"}]}");
        assertThat(WalkTestReport.parse(report.json())).isEqualTo(report);
        assertThatThrownBy(() -> WalkTestReport.parse("{\"heard\":[{\"sensor_id\":\"pendant\"}]}")).isInstanceOf(IOException.class)
                .hasMessageContaining("without its sensor, trial or time");
        assertThatThrownBy(() -> WalkTestReport.parse("walk test")).isInstanceOf(IOException.class);
    }
}
