package org.hearth.gateway.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.testkit.AlertHarness;
import org.hearth.gateway.testkit.InMemoryAlertStore;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Spoken requests against the real alert machine, in virtual time. */
@Tag("small")
class GatewayAlarmPortTest {

    private final AlertHarness home = new AlertHarness(new InMemoryAlertStore());
    private final GatewayAlarmPort port = new GatewayAlarmPort(java.util.concurrent.CompletableFuture.completedFuture(home.core));

    @Test
    void help_with_nothing_open_raises_an_urgent_alert_at_once() {
        port.raiseHelp();
        home.after(Duration.ofSeconds(1));

        Alert alert = home.store.open().get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.HELP);
        assertThat(alert.severity()).isEqualTo(Severity.URGENT);
        assertThat(home.store.history(alert.id())).extracting(AuditEntry::state).doesNotContain(AlertState.PRE_ALARM);
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
    }

    @Test
    void help_during_a_pre_alarm_raises_that_alert_instead_of_a_second_one() {
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        port.raiseHelp();
        home.after(Duration.ofSeconds(1));

        assertThat(home.store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FALL);
            assertThat(a.state()).isEqualTo(AlertState.DELIVERED);
        });
    }

    @Test
    void im_fine_cancels_the_open_pre_alarm_and_reports_whether_there_was_one() {
        assertThat(port.cancelPreAlarm()).isFalse();
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        assertThat(port.cancelPreAlarm()).isTrue();
        home.after(Duration.ofMinutes(5));
        assertThat(home.store.open()).isEmpty();
        assertThat(home.network.sent()).isEmpty();
    }

    @Test
    void please_call_tells_the_first_level_and_names_the_carer_only_when_there_is_one() {
        // Priya and Tom share level 1: the resident hears "your carer", not one of the two names.
        assertThat(port.callCarer()).hasValue("");
        home.after(Duration.ofSeconds(1));
        assertThat(home.network.deliveredTo("Priya")).singleElement()
                .satisfies(s -> assertThat(s.alert().kind()).isEqualTo(AlertKind.CALL_REQUEST));
        assertThat(home.network.deliveredTo("Helpline")).isEmpty();
    }

    @Test
    void a_missed_daily_reminder_tells_the_first_level_and_is_never_escalated() {
        port.reminderMissed(Optional.of("take your tablets"));
        home.after(Duration.ofSeconds(1));
        assertThat(home.network.deliveredTo("Priya")).singleElement().satisfies(s -> {
            assertThat(s.alert().kind()).isEqualTo(AlertKind.REMINDER_MISSED);
            assertThat(s.alert().severity()).isEqualTo(Severity.INFO);
            assertThat(s.alert().message()).contains("take your tablets").contains("Not an emergency");
        });
        // Nobody acknowledges it; an urgent alert would have gone up the ladder long before this.
        home.after(Duration.ofHours(2));
        assertThat(home.network.deliveredTo("Helpline")).isEmpty();
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
    }
}
