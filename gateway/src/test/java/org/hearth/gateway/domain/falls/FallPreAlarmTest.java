package org.hearth.gateway.domain.falls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.Gateway;
import org.hearth.gateway.domain.Ladder;
import org.hearth.gateway.domain.OutboxEntry;
import org.hearth.gateway.domain.Phrase;
import org.hearth.gateway.testkit.InMemoryAlertStore;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.sim.WornTrace;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A fall seen by the worn sensor, through the gateway, into the alert state machine's pre-alarm. */
@Tag("small")
class FallPreAlarmTest {

    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    private final VirtualScheduler time = new VirtualScheduler(START, ZoneOffset.UTC);
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final List<Phrase> said = new ArrayList<>();
    private final Ladder ladder = new Ladder(List.of(new Carer("Priya", 1, URI.create("coaps://priya.example:5684"), "priya")),
            Duration.ofMinutes(5));
    private final AlertMachine alerts = new org.hearth.gateway.domain.AlertCore(
            new org.hearth.gateway.domain.AlertCore.Ports(store, ladder, new org.hearth.gateway.testkit.SilentChannel(), time, said::add),
            org.hearth.gateway.domain.AlertCore.Settings.of("Flat 12", Duration.ofSeconds(30), Duration.ofSeconds(60), "999"),
            new org.hearth.gateway.domain.AlertCore.Listeners()).machine();
    private final Gateway gateway = new Gateway(event -> { }, List.of(new WornFallDetector(alerts, time)));

    @Test
    void a_fall_asks_the_resident_first_and_tells_the_carer_when_nobody_answers() {
        replay(WornTrace.at(100, 1).startingAt(micros(START)).fallFromWalking().samples());

        Alert alert = onlyAlert();
        assertThat(alert.kind()).isEqualTo(AlertKind.FALL);
        assertThat(alert.state()).isEqualTo(AlertState.PRE_ALARM);
        assertThat(said).containsExactly(Phrase.of(Phrase.PRE_ALARM_QUESTION, "seconds", "30"));

        time.advanceBy(Duration.ofSeconds(31));

        assertThat(onlyAlert().state()).isEqualTo(AlertState.RAISED);
        assertThat(store.pending()).extracting(OutboxEntry::carer).containsExactly("Priya");
    }

    @Test
    void the_resident_can_cancel_the_fall_alarm() {
        replay(WornTrace.at(100, 2).startingAt(micros(START)).fallFromWalking().samples());

        assertThat(alerts.cancelPreAlarm("I'm fine")).isTrue();
        time.advanceBy(Duration.ofMinutes(2));

        assertThat(onlyAlert().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(store.pending()).isEmpty();
    }

    /** As the daemon receives it: each 100 ms batch when its last sample has been taken. */
    private void replay(List<AccelSample> samples) {
        for (int i = 0; i < samples.size(); i += 10) {
            List<AccelSample> batch = samples.subList(i, Math.min(i + 10, samples.size()));
            long last = batch.get(batch.size() - 1).epochMicros();
            time.advanceTo(Instant.ofEpochSecond(last / 1_000_000, (last % 1_000_000) * 1_000));
            gateway.onAccel("pendant", batch);
        }
    }

    private Alert onlyAlert() {
        assertThat(store.all()).hasSize(1);
        return store.all().get(0);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }
}
