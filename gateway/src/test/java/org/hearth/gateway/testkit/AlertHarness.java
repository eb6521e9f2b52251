package org.hearth.gateway.testkit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.gateway.domain.AlertCore;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.AlertStore;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.CarerReachability;
import org.hearth.gateway.domain.Heartbeats;
import org.hearth.gateway.domain.DirectAlarms;
import org.hearth.gateway.domain.Ladder;
import org.hearth.gateway.domain.OutboxDispatcher;
import org.hearth.gateway.domain.Phrase;
import org.hearth.gateway.domain.WalkTestMode;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.VirtualScheduler;

/**
 * The alert core ({@link AlertCore}, assembled as the daemon assembles it) on a virtual clock, with
 * a scripted network, against any {@link AlertStore}: the same scenarios run on memory and on SQLite.
 */
public final class AlertHarness {

    public static final Instant MONDAY_0800 = Instant.parse("2026-11-23T08:00:00Z");
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public final VirtualScheduler time;
    public final AlertStore store;
    public final ScriptedChannel network = new ScriptedChannel();
    public final List<Phrase> said = new ArrayList<>();
    public final Ladder ladder;
    /** Add observers here before the scenario runs. */
    public final AlertCore.Listeners listeners = new AlertCore.Listeners();
    public final AlertCore core;
    public final AlertMachine alerts;
    public final OutboxDispatcher outbox;
    public final DirectAlarms sensors;
    public final WalkTestMode walkTest;
    public final Heartbeats heartbeats;
    public final CarerReachability reachability;

    public AlertHarness(AlertStore store) {
        this(store, new VirtualScheduler(MONDAY_0800, LONDON));
    }

    /** A harness on an existing store and clock: a restart of the gateway. */
    public AlertHarness(AlertStore store, VirtualScheduler time) {
        this(store, time, org.hearth.gateway.domain.Wearers.NONE);
    }

    /** A harness for a household whose wearables are assigned to its residents. */
    public AlertHarness(AlertStore store, org.hearth.gateway.domain.Wearers wearers) {
        this(store, new VirtualScheduler(MONDAY_0800, LONDON), wearers);
    }

    private AlertHarness(AlertStore store, VirtualScheduler time, org.hearth.gateway.domain.Wearers wearers) {
        this.time = time;
        this.store = store;
        this.ladder = new Ladder(List.of(
                new Carer("Priya", 1, URI.create("coaps://192.0.2.1:5684"), "priya-id"),
                new Carer("Tom", 1, URI.create("coaps://192.0.2.2:5684"), "tom-id"),
                new Carer("Helpline", 2, URI.create("coaps://192.0.2.9:5684"), "helpline-id")), Duration.ofMinutes(5));
        this.core = new AlertCore(new AlertCore.Ports(store, ladder, network, time, said::add),
                new AlertCore.Settings("Flat 12", Duration.ofSeconds(30), Duration.ofSeconds(60), "999",
                        CarerReachability.DEFAULT_THRESHOLD, UUID::randomUUID, wearers), listeners);
        this.reachability = core.reachability();
        this.alerts = core.machine();
        this.outbox = core.outbox();
        this.walkTest = core.walkTest();
        this.sensors = core.directAlarms();
        this.heartbeats = core.heartbeats();
    }

    /** A sensor becomes active in {@code room} now. */
    public void trigger(SensorKind kind, String room) {
        sensors.onEvent(new SensorEvent(kind.configName() + "-" + room, room, kind, true, time.now()));
        time.runDue();
    }

    public void after(Duration d) {
        time.advanceBy(d);
    }

    public List<String> phraseKeys() {
        return said.stream().map(Phrase::key).toList();
    }
}
