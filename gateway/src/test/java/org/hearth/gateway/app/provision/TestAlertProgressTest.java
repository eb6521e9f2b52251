package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry.Event;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The test-alert report read from an audit trail: who got it, who acknowledged, and when. */
@Tag("small")
class TestAlertProgressTest {

    private static final Instant SENT = Instant.parse("2026-12-04T10:00:00Z");
    private final UUID id = UUID.randomUUID();
    private final Alert alert = Alert.detected(new AlertRequest(AlertKind.HELP, Severity.INFO, "", "TEST", false, true), id, SENT);

    private TestAlertCommand.Progress progress() {
        return new TestAlertCommand.Progress(List.of(carer("Priya", 1), carer("Sam", 2), carer("Ann", 3)));
    }

    @Test
    void each_step_is_reported_once_with_its_time_since_sending() {
        TestAlertCommand.Progress p = progress();
        assertThat(p.update(Optional.empty())).isEmpty();

        List<AuditEntry> trail = List.of(entry(0, AlertState.RAISED, Event.TEST_SENT, "", "Test alert. Telling every level at once (Priya, Sam, Ann)."),
                entry(420, AlertState.DELIVERED, Event.DELIVERED, "Priya", "Delivered to Priya"),
                entry(650, AlertState.DELIVERED, Event.DELIVERED, "Sam", "Delivered to Sam"),
                entry(3200, AlertState.ACKNOWLEDGED, Event.ACKNOWLEDGED, "Priya", "Acknowledged by Priya: on my way"));
        assertThat(p.update(Optional.of(new TestAlertCommand.History(alert, trail)))).containsExactly(
                "Priya (level 1): delivered after 0.4 s", "Sam (level 2): delivered after 0.7 s",
                "Priya (level 1): acknowledged after 3.2 s");
        assertThat(p.update(Optional.of(new TestAlertCommand.History(alert, trail)))).isEmpty();
        assertThat(p.allAcknowledged()).isFalse();
        assertThat(p.report()).containsExactly(
                "Priya (level 1): delivered in 0.4 s, acknowledged in 3.2 s",
                "Sam (level 2): delivered in 0.7 s, NOT acknowledged",
                "Ann (level 3): NOT delivered, NOT acknowledged");
    }

    @Test
    void a_later_acknowledgement_counts_and_a_similar_name_does_not() {
        TestAlertCommand.Progress p = new TestAlertCommand.Progress(List.of(carer("Sam", 1)));
        p.update(Optional.of(new TestAlertCommand.History(alert, List.of(
                entry(300, AlertState.DELIVERED, Event.DELIVERED, "Samira", "Delivered to Samira"),
                entry(900, AlertState.ACKNOWLEDGED, Event.ACKNOWLEDGED, "Samira", "Acknowledged by Samira")))));
        assertThat(p.allAcknowledged()).isFalse();
        p.update(Optional.of(new TestAlertCommand.History(alert, List.of(
                entry(1000, AlertState.ACKNOWLEDGED, Event.ACKNOWLEDGED_AGAIN, "Sam", "Acknowledged by Sam (already acknowledged)")))));
        assertThat(p.allAcknowledged()).isTrue();
    }

    private AuditEntry entry(long ms, AlertState state, Event event, String carer, String detail) {
        return new AuditEntry(id, SENT.plusMillis(ms), state, event, carer, detail);
    }

    private static HearthConfig.CarerEntry carer(String name, int level) {
        return new HearthConfig.CarerEntry(name, level, URI.create("coaps://192.0.2.1:5684"));
    }

    @Test
    void the_failure_says_what_to_check_on_the_carers_side() {
        String text = TestAlertCommand.failure(Duration.ofMinutes(5), Path.of("/etc/hearth/hearth.yaml"));

        assertThat(text).startsWith("FAIL: not every carer acknowledged within 5 min.")
                .contains("`hearth-carer listen`").contains("on the network")
                .contains("endpoint in /etc/hearth/hearth.yaml").doesNotContain("the app").doesNotContain("phone");
    }
}
