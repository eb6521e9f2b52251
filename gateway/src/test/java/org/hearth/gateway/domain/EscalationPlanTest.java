package org.hearth.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The escalation ladder's arithmetic: who is told first, who next and when, on any ladder. */
@Tag("small")
class EscalationPlanTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static Carer carer(String name, int level) {
        return new Carer(name, level, URI.create("coaps://192.0.2.1:5684"), name.toLowerCase());
    }

    /** Levels 2 and 4 only: the gaps are skipped. */
    private final EscalationPlan plan = new EscalationPlan(new Ladder(
            List.of(carer("Sam", 2), carer("Ana", 2), carer("Helpline", 4)), TIMEOUT));

    private static Alert raised(Severity severity, AlertKind kind, int level, Instant since) {
        Alert detected = Alert.detected(new AlertRequest(kind, severity, "kitchen", "m", false, false), UUID.randomUUID(), T0);
        return detected.withState(AlertState.RAISED).atLevel(level, since);
    }

    @Test
    void the_first_level_is_the_lowest_with_anyone_on_it_and_1_on_an_empty_ladder() {
        assertThat(plan.firstLevel()).isEqualTo(2);
        assertThat(new EscalationPlan(new Ladder(List.of(), TIMEOUT)).firstLevel()).isEqualTo(1);
    }

    @Test
    void the_next_level_is_due_one_timeout_after_the_level_was_reached_and_names_its_carers() {
        Alert alert = raised(Severity.URGENT, AlertKind.FALL, 2, T0);

        assertThat(plan.next(alert, T0.plusSeconds(240)))
                .contains(new AuditEntry.NextLevel(T0.plus(TIMEOUT), 4, "Helpline"));
        assertThat(plan.next(alert.withState(AlertState.DELIVERED), T0)).isPresent();
    }

    @Test
    void an_overdue_level_is_due_now_not_in_the_past() {
        Instant now = T0.plus(TIMEOUT).plusSeconds(30);

        assertThat(plan.next(raised(Severity.URGENT, AlertKind.FALL, 2, T0), now)).map(AuditEntry.NextLevel::at).contains(now);
    }

    @Test
    void a_level_reached_in_the_future_by_an_unset_clock_waits_one_timeout_at_most() {
        Alert fromTheFuture = raised(Severity.URGENT, AlertKind.FALL, 2, T0.plus(Duration.ofDays(20_000)));

        assertThat(plan.next(fromTheFuture, T0)).map(AuditEntry.NextLevel::at).contains(T0.plus(TIMEOUT));
    }

    @Test
    void nothing_is_due_at_the_top_once_acknowledged_for_info_for_sensor_health_or_for_a_test() {
        Alert urgent = raised(Severity.URGENT, AlertKind.FALL, 2, T0);
        Alert test = Alert.detected(new AlertRequest(AlertKind.HELP, Severity.URGENT, "", "m", false, true), UUID.randomUUID(), T0)
                .withState(AlertState.RAISED).atLevel(2, T0);

        assertThat(plan.next(urgent.atLevel(4, T0), T0)).isEmpty();
        assertThat(plan.next(urgent.withState(AlertState.ACKNOWLEDGED), T0)).isEmpty();
        assertThat(plan.next(urgent.withState(AlertState.PRE_ALARM), T0)).isEmpty();
        assertThat(plan.next(raised(Severity.INFO, AlertKind.HELP, 2, T0), T0)).isEmpty();
        assertThat(plan.next(raised(Severity.ATTENTION, AlertKind.SENSOR_HEALTH, 2, T0), T0)).isEmpty();
        assertThat(plan.next(test, T0)).isEmpty();
    }

    @Test
    void every_audit_entry_carries_the_next_level_as_it_stands_or_none() {
        Alert alert = raised(Severity.URGENT, AlertKind.FALL, 2, T0);
        AuditEntry entry = new AuditEntry(alert.id(), T0, alert.state(), AuditEntry.Event.RAISED, "raised");

        assertThat(plan.withNext(entry, alert, T0).next()).isEqualTo(new AuditEntry.NextLevel(T0.plus(TIMEOUT), 4, "Helpline"));
        assertThat(plan.withNext(entry, alert.atLevel(4, T0), T0).next()).isNull();
        assertThat(plan.withNext(entry, alert, T0)).usingRecursiveComparison().ignoringFields("next").isEqualTo(entry);
    }

    @Test
    void a_level_is_queued_and_named_carer_by_carer_and_a_test_goes_to_everyone() {
        assertThat(plan.queueFor(2)).containsExactly(new AlertStore.Outbox("Sam", 2), new AlertStore.Outbox("Ana", 2));
        assertThat(plan.names(2)).isEqualTo("Sam, Ana");
        assertThat(plan.names(3)).isEqualTo("nobody configured");
        assertThat(plan.queueFor(3)).isEmpty();
        assertThat(plan.everyone()).containsExactly(new AlertStore.Outbox("Sam", 2), new AlertStore.Outbox("Ana", 2),
                new AlertStore.Outbox("Helpline", 4));
    }

    @Test
    void a_stored_wait_is_what_is_left_of_it_never_more_than_all_of_it() {
        Duration whole = Duration.ofSeconds(30);

        assertThat(EscalationPlan.waitLeft(T0.plusSeconds(10), T0, whole)).isEqualTo(Duration.ofSeconds(20));
        assertThat(EscalationPlan.waitLeft(T0.plusSeconds(45), T0, whole)).isEqualTo(Duration.ofSeconds(-15));
        assertThat(EscalationPlan.waitLeft(Instant.EPOCH, T0, whole)).isEqualTo(whole);
    }
}
