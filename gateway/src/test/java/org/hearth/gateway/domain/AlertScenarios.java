package org.hearth.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hearth.gateway.testkit.AlertHarness;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert scenarios every {@link AlertStore} must pass; subclasses choose the store. */
public abstract class AlertScenarios {

    protected abstract AlertStore newStore() throws Exception;

    protected AlertHarness home;

    @BeforeEach
    void wire() throws Exception {
        home = new AlertHarness(newStore());
    }

    private Alert only() {
        List<Alert> all = home.store.open();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<AlertState> states(UUID id) {
        return home.store.history(id).stream().map(AuditEntry::state).toList();
    }

    @Test
    void a_pulled_cord_is_raised_at_once_delivered_to_level_one_and_acknowledged() {
        home.trigger(SensorKind.PULL_CORD, "bathroom");

        Alert alert = only();
        assertThat(alert.kind()).isEqualTo(AlertKind.HELP);
        assertThat(alert.message()).isEqualTo("The pull cord in the bathroom was pulled at 08:00.");
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.network.deliveredTo("Tom")).hasSize(1);
        assertThat(home.network.deliveredTo("Helpline")).isEmpty();
        assertThat(alert.state()).isEqualTo(AlertState.DELIVERED);
        assertThat(home.store.pending()).isEmpty();

        assertThat(home.alerts.acknowledge(alert.id(), "tom-id", "on my way")).isEqualTo(AckResult.ACCEPTED);

        assertThat(states(alert.id())).containsExactly(AlertState.RAISED, AlertState.DELIVERED, AlertState.DELIVERED,
                AlertState.ACKNOWLEDGED);
        assertThat(home.store.history(alert.id()).get(3).detail()).isEqualTo("Acknowledged by Tom: on my way");
        assertThat(home.said).contains(Phrase.of(Phrase.CARER_COMING, "carer", "Tom"));
        assertThat(home.phraseKeys()).doesNotContain(Phrase.PRE_ALARM_QUESTION);
    }

    @Test
    void a_fall_output_asks_first_and_the_cancel_button_stops_it_before_anyone_is_told() {
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        assertThat(only().state()).isEqualTo(AlertState.PRE_ALARM);
        assertThat(home.phraseKeys()).containsExactly(Phrase.PRE_ALARM_QUESTION);

        home.after(Duration.ofSeconds(12));
        home.trigger(SensorKind.CANCEL_BUTTON, "living room");
        home.after(Duration.ofMinutes(10));

        assertThat(home.store.open()).isEmpty();
        assertThat(home.network.sent()).isEmpty();
        assertThat(home.phraseKeys()).containsExactly(Phrase.PRE_ALARM_QUESTION, Phrase.PRE_ALARM_CANCELLED);
    }

    @Test
    void an_unanswered_pre_alarm_is_raised_when_the_window_ends_and_not_before() {
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        home.after(Duration.ofSeconds(29));
        assertThat(home.network.sent()).isEmpty();

        home.after(Duration.ofSeconds(1));

        assertThat(only().state()).isEqualTo(AlertState.DELIVERED);
        assertThat(home.store.history(only().id()).get(1).detail()).startsWith("No answer within 30 s.");
    }

    @Test
    void the_help_button_during_a_pre_alarm_raises_it_at_once() {
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        home.after(Duration.ofSeconds(5));
        home.trigger(SensorKind.HELP_BUTTON, "hall");

        assertThat(only().kind()).isEqualTo(AlertKind.FALL);
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
    }

    @Test
    void cancelling_with_nothing_open_says_so() {
        home.trigger(SensorKind.CANCEL_BUTTON, "living room");
        assertThat(home.phraseKeys()).containsExactly(Phrase.NOTHING_TO_CANCEL);
    }

    @Test
    void an_unacknowledged_alert_escalates_to_the_helpline_and_earlier_levels_still_count() {
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        UUID id = only().id();
        home.after(Duration.ofMinutes(4));
        assertThat(home.network.deliveredTo("Helpline")).isEmpty();

        home.after(Duration.ofMinutes(1));

        assertThat(home.network.deliveredTo("Helpline")).hasSize(1);
        assertThat(home.network.deliveredTo("Helpline").get(0).alert().level()).isEqualTo(2);
        assertThat(only().level()).isEqualTo(2);
        assertThat(home.alerts.acknowledge(id, "priya-id", "")).isEqualTo(AckResult.ACCEPTED);
        home.after(Duration.ofHours(1));
        assertThat(home.network.sent()).hasSize(3);
    }

    @Test
    void every_entry_while_unanswered_names_the_next_level_and_when_its_timer_is_due_and_none_once_nothing_more_will_be_told() {
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        UUID id = only().id();
        var helplineAt0805 = new AuditEntry.NextLevel(AlertHarness.MONDAY_0800.plus(Duration.ofMinutes(5)), 2, "Helpline");
        assertThat(home.store.history(id)).extracting(AuditEntry::event, AuditEntry::next).containsExactly(
                tuple(AuditEntry.Event.RAISED, helplineAt0805), tuple(AuditEntry.Event.DELIVERED, helplineAt0805),
                tuple(AuditEntry.Event.DELIVERED, helplineAt0805));

        home.after(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(home.network.deliveredTo("Helpline")).as("not before the time it named").isEmpty();
        home.after(Duration.ofSeconds(1));
        assertThat(home.network.deliveredTo("Helpline")).as("at the time it named").hasSize(1);
        home.after(Duration.ofMinutes(5));
        assertThat(home.store.history(id).subList(3, home.store.history(id).size()))
                .extracting(AuditEntry::event, AuditEntry::next).containsExactly(tuple(AuditEntry.Event.ESCALATED, null),
                        tuple(AuditEntry.Event.DELIVERED, null));

        home.trigger(SensorKind.PULL_CORD, "kitchen");
        UUID second = home.store.open().get(1).id();
        home.after(Duration.ofMinutes(1));
        assertThat(home.alerts.acknowledge(second, "tom-id", "on my way")).isEqualTo(AckResult.ACCEPTED);
        assertThat(home.alerts.resolveByCarer(second, "tom-id", org.hearth.protocol.Down.Outcome.HELPED_UP, "")).isEqualTo(AckResult.ACCEPTED);
        List<AuditEntry> trail = home.store.history(second);
        assertThat(trail.get(0).next().at()).isEqualTo(AlertHarness.MONDAY_0800.plus(Duration.ofMinutes(15)));
        assertThat(trail.subList(trail.size() - 2, trail.size())).extracting(AuditEntry::event, AuditEntry::next, AuditEntry::outcome)
                .containsExactly(tuple(AuditEntry.Event.ACKNOWLEDGED, null, null),
                        tuple(AuditEntry.Event.RESOLVED, null, org.hearth.protocol.Down.Outcome.HELPED_UP));
    }

    @Test
    void a_receipt_from_a_carers_device_is_recorded_once_and_does_not_stop_the_escalation() {
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        UUID id = only().id();
        home.after(Duration.ofMinutes(1));
        java.time.Instant received = home.time.now().minusSeconds(20);

        assertThat(home.alerts.receivedOnDevice(id, "Priya", "Priya's phone", received)).isTrue();
        assertThat(home.alerts.receivedOnDevice(id, "Priya", "Priya's tablet", home.time.now())).isFalse(); // once per carer
        assertThat(home.alerts.receivedOnDevice(id, "Mallory", "a phone", home.time.now())).isFalse(); // not on the ladder
        AuditEntry receipt = home.store.history(id).get(home.store.history(id).size() - 1);
        assertThat(receipt.is(AuditEntry.Event.RECEIVED_ON_DEVICE, "Priya")).isTrue();
        assertThat(receipt.at()).isEqualTo(received);
        assertThat(receipt.detail()).isEqualTo("Received on Priya's phone");
        assertThat(only().state()).isEqualTo(AlertState.DELIVERED);

        home.after(Duration.ofMinutes(4)); // five minutes unacknowledged: received is not acknowledged
        assertThat(home.network.deliveredTo("Helpline")).hasSize(1);
        assertThat(only().level()).isEqualTo(2);

        assertThat(home.alerts.acknowledge(id, "priya-id", "")).isEqualTo(AckResult.ACCEPTED);
        assertThat(home.alerts.receivedOnDevice(id, "Tom", "Tom's phone", home.time.now())).isTrue(); // still open
        assertThat(only().state()).isEqualTo(AlertState.ACKNOWLEDGED);
        home.alerts.resolve(id, "Priya");
        assertThat(home.alerts.receivedOnDevice(id, "Helpline", "the desk", home.time.now())).isFalse(); // closed
    }

    @Test
    void a_receipt_before_any_other_delivery_makes_the_alert_delivered_and_the_resident_hears_who_was_told() {
        home.network.unreachable("Priya");
        home.network.unreachable("Tom");
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        UUID id = only().id();
        assertThat(only().state()).isEqualTo(AlertState.RAISED);

        assertThat(home.alerts.receivedOnDevice(id, "Priya", "Priya's phone", home.time.now())).isTrue();

        assertThat(only().state()).isEqualTo(AlertState.DELIVERED);
        assertThat(home.said).contains(Phrase.of(Phrase.CARER_TOLD, "carer", "Priya"));
    }

    @Test
    void a_test_alert_reaches_every_level_at_once_says_nothing_and_ends_by_itself() {
        UUID id = home.alerts.raiseTest("TEST alert from the installer.", Duration.ofMinutes(10));
        home.after(Duration.ofSeconds(1));

        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.network.deliveredTo("Tom")).hasSize(1);
        assertThat(home.network.deliveredTo("Helpline")).hasSize(1);
        assertThat(home.network.deliveredTo("Helpline").get(0).alert().test()).isTrue();
        assertThat(home.network.deliveredTo("Helpline").get(0).alert().level()).isEqualTo(2);
        assertThat(home.said).isEmpty();
        assertThat(home.alerts.acknowledge(id, "priya-id", "")).isEqualTo(AckResult.ACCEPTED);
        assertThat(home.alerts.acknowledge(id, "helpline-id", "")).isEqualTo(AckResult.ALREADY_ACKNOWLEDGED);

        home.after(Duration.ofMinutes(10));
        assertThat(home.store.open()).isEmpty();
        assertThat(home.network.sent()).hasSize(3);
        assertThat(home.store.history(id)).filteredOn(e -> !e.carer().isEmpty())
                .extracting(AuditEntry::event, AuditEntry::carer)
                .contains(tuple(AuditEntry.Event.ACKNOWLEDGED, "Priya"), tuple(AuditEntry.Event.ACKNOWLEDGED_AGAIN, "Helpline"));
        assertThat(home.store.history(id)).extracting(AuditEntry::detail)
                .contains("Acknowledged by Priya", "Acknowledged by Helpline (already acknowledged)")
                .last().isEqualTo("Resolved by the end of the test");
    }

    @Test
    void a_restart_ends_an_open_test_alert() {
        home.alerts.raiseTest("TEST alert from the installer.", Duration.ofMinutes(10));
        AlertHarness restarted = new AlertHarness(home.store, new VirtualScheduler(home.time.now(), AlertHarness.LONDON));
        restarted.alerts.recover();
        assertThat(restarted.store.open()).isEmpty();
    }

    @Test
    void a_please_call_request_goes_to_the_first_level_only_and_never_escalates() {
        home.alerts.raise(new AlertRequest(AlertKind.CALL_REQUEST, org.hearth.protocol.Severity.INFO, "",
                "The resident asked for a carer to phone them.", false, false));
        home.after(Duration.ofHours(2));

        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.network.deliveredTo("Tom")).hasSize(1);
        assertThat(home.network.deliveredTo("Helpline")).isEmpty();
        assertThat(home.said).isEmpty();
        assertThat(only().level()).isEqualTo(1);
        assertThat(home.store.history(only().id())).as("nothing further will be told").allMatch(e -> e.next() == null);
    }

    @Test
    void an_acknowledgement_from_outside_the_ladder_is_refused() {
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        assertThat(home.alerts.acknowledge(only().id(), "stranger", "")).isEqualTo(AckResult.NOT_ON_LADDER);
        assertThat(home.alerts.acknowledge(UUID.randomUUID(), "priya-id", "")).isEqualTo(AckResult.UNKNOWN_ALERT);
        assertThat(only().state()).isEqualTo(AlertState.DELIVERED);
    }

    @Test
    void an_unreachable_carer_gets_every_alert_in_order_once_back() {
        home.network.unreachable("Priya");
        for (String room : List.of("bathroom", "bedroom", "kitchen")) {
            home.trigger(SensorKind.PULL_CORD, room);
            home.after(Duration.ofSeconds(20));
        }
        home.after(Duration.ofMinutes(30));
        assertThat(home.network.deliveredTo("Priya")).isEmpty();

        home.network.reachable("Priya");
        home.after(Duration.ofMinutes(2));

        assertThat(home.network.deliveredTo("Priya")).extracting(s -> s.alert().room())
                .containsExactly("bathroom", "bedroom", "kitchen");
        assertThat(home.store.pending()).filteredOn(e -> e.carer().equals("Priya")).isEmpty();
    }

    @Test
    void retries_back_off_exponentially_up_to_a_minute() {
        home.network.unreachable("Priya");
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        home.after(Duration.ofMinutes(10));
        long attempts = home.network.sent().stream().filter(s -> s.carer().equals("Priya")).count();
        // 2, 4, 8, 16, 32 s, then every 60 s: 1 + 5 + about 8 attempts in ten minutes.
        assertThat(attempts).isBetween(13L, 16L);
    }

    @Test
    void a_restart_during_a_pre_alarm_still_raises_it_on_time() {
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        home.after(Duration.ofSeconds(10));

        // A new process: same store, new timers, the clock where the old one stopped.
        AlertHarness restarted = new AlertHarness(home.store, new VirtualScheduler(home.time.now(), AlertHarness.LONDON));
        restarted.alerts.recover();
        restarted.after(Duration.ofSeconds(19));
        assertThat(restarted.network.sent()).isEmpty();
        restarted.after(Duration.ofSeconds(1));

        assertThat(restarted.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.network.sent()).isEmpty();
    }

    @Test
    void a_sensor_gone_offline_tells_the_carers_without_alarming_the_resident() {
        SensorHealthAlerts health = new SensorHealthAlerts(home.alerts, home.time);
        health.onHealth(new HealthEvent("cord-bathroom", "bathroom", "pull_cord", HealthStatus.ONLINE, HealthStatus.OFFLINE,
                "I2C read failed 3 times: Remote I/O error", home.time.now()));
        home.time.runDue();

        Alert alert = only();
        assertThat(alert.kind()).isEqualTo(AlertKind.SENSOR_HEALTH);
        assertThat(alert.severity()).isEqualTo(org.hearth.protocol.Severity.ATTENTION);
        assertThat(alert.message()).isEqualTo("The pull cord sensor cord-bathroom in the bathroom needs attention: "
                + "OFFLINE (I2C read failed 3 times: Remote I/O error).");
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.said).isEmpty();
    }

    @Test
    void when_no_carer_answers_for_five_minutes_the_resident_is_told_to_call_999_and_hears_when_the_link_is_back() {
        List.of("Priya", "Tom", "Helpline").forEach(home.network::unreachable);
        home.heartbeats.start();
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        assertThat(home.phraseKeys()).containsExactly(Phrase.CALLING_FOR_HELP);

        home.after(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(home.phraseKeys()).doesNotContain(Phrase.CARERS_UNREACHABLE);
        assertThat(home.reachability.unreachableSince()).isEmpty();

        home.after(Duration.ofSeconds(1));
        assertThat(home.said).contains(Phrase.of(Phrase.CARERS_UNREACHABLE, "number", "999"));
        assertThat(home.reachability.unreachableSince()).contains(AlertHarness.MONDAY_0800);
        assertThat(home.store.pending()).as("still queued for everyone").isNotEmpty();

        // Asking for help while nobody can be reached repeats what to do.
        home.said.clear();
        home.trigger(SensorKind.HELP_BUTTON, "living room");
        assertThat(home.phraseKeys()).containsExactly(Phrase.CALLING_FOR_HELP, Phrase.CARERS_UNREACHABLE);

        home.after(Duration.ofMinutes(30));
        assertThat(home.phraseKeys()).containsExactly(Phrase.CALLING_FOR_HELP, Phrase.CARERS_UNREACHABLE);

        home.network.reachable("Helpline");
        home.after(Duration.ofSeconds(61));
        assertThat(home.phraseKeys()).containsExactly(Phrase.CALLING_FOR_HELP, Phrase.CARERS_UNREACHABLE,
                Phrase.CARERS_BACK, Phrase.CARER_TOLD, Phrase.CARER_TOLD);
        assertThat(home.reachability.unreachableSince()).isEmpty();
        assertThat(home.network.deliveredTo("Helpline")).extracting(s -> s.alert().room())
                .containsExactly("bathroom", "living room");
        assertThat(home.said).contains(Phrase.of(Phrase.CARER_TOLD, "carer", "Helpline"));
    }

    @Test
    void one_carer_answering_is_enough_to_say_nothing() {
        home.network.unreachable("Priya");
        home.network.unreachable("Helpline");
        home.heartbeats.start();
        home.trigger(SensorKind.PULL_CORD, "bathroom");
        home.after(Duration.ofHours(1));

        assertThat(home.phraseKeys()).doesNotContain(Phrase.CARERS_UNREACHABLE);
        assertThat(home.reachability.unreachableSince()).isEmpty();
    }

    /**
     * Priya and Tom's phones are off for an hour while alerts keep coming. Escalation runs
     * meanwhile: the helpline hears of each after five minutes. When the phones come back, each
     * gets every alert, once, in the order raised. (Domain level on a scripted network; the carer's
     * own deduplication by id is proven over real DTLS in the lossy-network and crash-loop tests.)
     */
    @Test
    void carers_offline_for_an_hour_get_every_alert_in_order_once_back_and_escalation_ran_meanwhile() {
        home.network.unreachable("Priya");
        home.network.unreachable("Tom");
        home.heartbeats.start();
        List<String> rooms = List.of("bathroom", "bedroom", "kitchen", "hall", "landing", "garden");
        for (String room : rooms) {
            home.trigger(SensorKind.PULL_CORD, room);
            home.after(Duration.ofMinutes(9));
        }
        home.after(Duration.ofHours(1).minus(Duration.ofMinutes(9L * rooms.size())));
        assertThat(home.network.deliveredTo("Priya")).isEmpty();
        assertThat(home.network.deliveredTo("Helpline")).extracting(s -> s.alert().room()).containsExactlyElementsOf(rooms);
        assertThat(home.network.deliveredTo("Helpline")).allSatisfy(s -> assertThat(s.alert().level()).isEqualTo(2));
        for (Alert a : home.store.open()) {
            assertThat(home.store.history(a.id()).stream().map(AuditEntry::detail))
                    .anyMatch(d -> d.startsWith("Not acknowledged within 5 min. Telling level 2 (Helpline)."));
        }

        home.network.reachable("Priya");
        home.network.reachable("Tom");
        home.after(Duration.ofMinutes(2));

        for (String carer : List.of("Priya", "Tom")) {
            var got = home.network.deliveredTo(carer);
            assertThat(got).extracting(s -> s.alert().room()).as(carer).containsExactlyElementsOf(rooms);
            assertThat(got).extracting(s -> s.alert().id()).doesNotHaveDuplicates();
            assertThat(got).allSatisfy(s -> assertThat(s.alert().level()).isEqualTo(1));
        }
        assertThat(home.store.pending()).isEmpty();
        assertThat(home.phraseKeys()).doesNotContain(Phrase.CARERS_UNREACHABLE);
    }

    @Test
    void a_long_lie_after_an_unanswered_fall_escalates_the_fall_instead_of_opening_a_second_alert() {
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        home.after(Duration.ofSeconds(40));
        Alert fall = only();
        assertThat(fall.level()).isEqualTo(1);

        home.alerts.raise(AlertRequest.urgent(AlertKind.LONG_LIE, "hall",
                "No movement anywhere since 08:00, last in the hall.", true));
        home.time.runDue();

        assertThat(only().id()).isEqualTo(fall.id());
        assertThat(only().level()).isEqualTo(2);
        assertThat(home.network.deliveredTo("Helpline")).hasSize(1);
        assertThat(home.store.history(fall.id())).extracting(AuditEntry::detail)
                .contains("Followed by a long lie: No movement anywhere since 08:00, last in the hall. Telling level 2 (Helpline).");
    }

    @Test
    void a_long_lie_during_a_fall_pre_alarm_raises_the_fall_at_once() {
        home.trigger(SensorKind.FALL_OUTPUT, "hall");
        home.after(Duration.ofSeconds(5));
        home.alerts.raise(AlertRequest.urgent(AlertKind.LONG_LIE, "hall", "No movement.", true));
        home.time.runDue();

        assertThat(only().kind()).isEqualTo(AlertKind.FALL);
        assertThat(only().state()).isEqualTo(AlertState.DELIVERED);
        assertThat(home.phraseKeys()).doesNotContainSequence(Phrase.PRE_ALARM_QUESTION, Phrase.PRE_ALARM_QUESTION);
    }
}
