package org.hearth.gateway.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.demo.RebindingNat;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.testkit.HubStandIn;
import org.hearth.gateway.testkit.Ports;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.Down;
import org.hearth.protocol.HomeSummary;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.time.RealTimeScheduler;
import org.hearth.transport.PskKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's uplink to a care hub (docs/hub-api.md §2), end to end in one JVM: the real daemon
 * (SQLite, alert machine, outbox, Californium) with a carer reached through the hub, against a
 * stand-in hub on a real Scandium DTLS endpoint with Connection ID.
 */
@Tag("medium")
class HubUplinkTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final String IDENTITY = "home-h-12";
    private static final byte[] KEY = java.util.HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Shorter than the 25 s default, so a refused observation is registered again within the test. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final int hubPort = Ports.freeUdp();
    private HubStandIn hub;
    private Daemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void an_alert_reaches_the_hub_and_the_hubs_ack_resolve_and_check_come_back_through_the_alert_machine() {
        hub = HubStandIn.start(hubPort, new PskKey(IDENTITY, KEY));
        daemon = start(hubPort);

        daemon.simulatedHome().pulse("cord-bathroom");
        Alert alert = awaitAlert(AlertState.DELIVERED);
        assertThat(hub.alerts()).containsOnlyKeys(alert.id());
        assertThat(history(alert)).anyMatch(e -> e.is(AuditEntry.Event.DELIVERED, "Tom"));
        awaitEvents(alert.id(), "RAISED", "DELIVERED");

        hub.addDown(Down.Entry.ack(17, new Acknowledgement(1, alert.id(), "Tom", Instant.now(), "on my way"), "Tom's phone"));
        awaitAlert(AlertState.ACKNOWLEDGED);
        await().atMost(WAIT).until(() -> hub.pendingDown().isEmpty());
        assertThat(history(alert)).anyMatch(e -> e.is(AuditEntry.Event.ACKNOWLEDGED, "Tom") && e.detail().contains("on my way"));

        int summaries = hub.summaries().size();
        hub.addDown(Down.Entry.checkNow(18));
        await().atMost(WAIT).until(() -> hub.summaries().size() > summaries);
        HomeSummary summary = hub.summaries().get(hub.summaries().size() - 1);
        assertThat(summary.home()).isEqualTo("Flat 12");
        assertThat(summary.openAlerts()).isEqualTo(1);
        assertThat(summary.sensors()).extracting(HomeSummary.Sensor::id).containsExactlyInAnyOrder("cord-bathroom", "help-pendant");
        assertThat(summary.rooms()).extracting(HomeSummary.Room::room).contains("bathroom");

        // Someone the ladder does not have through the hub is refused, and the entry dropped.
        hub.addDown(Down.Entry.resolve(19, alert.id(), "Mallory", Instant.now(), Down.Outcome.FALSE_ALARM, ""));
        await().atMost(WAIT).until(() -> hub.pendingDown().isEmpty());
        assertThat(daemon.onLoop(() -> daemon.alerts().find(alert.id())).orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);

        hub.addDown(Down.Entry.resolve(20, alert.id(), "Tom", Instant.now(), Down.Outcome.HELPED_UP, "Sat her in the chair"));
        awaitAlert(AlertState.RESOLVED);
        List<AlertEvent> events = awaitEvents(alert.id(), "RAISED", "DELIVERED", "ACKNOWLEDGED", "RESOLVED");
        assertThat(events).extracting(AlertEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.get(3).carer()).isEqualTo("Tom");
        assertThat(events.get(3).state()).isEqualTo("resolved");
        assertThat(events.get(3).detail()).contains("helped up").contains("Sat her in the chair");
        assertThat(hub.heartbeats()).isPositive();
    }

    @Test
    void alerts_raised_while_the_hub_is_away_or_refusing_are_retried_until_it_takes_them_and_none_is_lost() {
        daemon = start(hubPort); // no hub listening yet
        daemon.simulatedHome().pulse("cord-bathroom");
        awaitAlert(AlertState.RAISED);

        hub = HubStandIn.start(hubPort, new PskKey(IDENTITY, KEY));
        hub.unavailable(true); // up, but its store is not: it answers 5.03, as the contract says
        await().atMost(WAIT).until(() -> hub.refused() >= 2); // the outbox tried again after its backoff
        daemon.simulatedHome().pulse("help-pendant");
        assertThat(hub.alerts()).isEmpty();

        hub.unavailable(false);
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.alerts().size() == 2);
        List<Alert> delivered = await().atMost(WAIT).until(() -> daemon.onLoop(() -> daemon.alerts().recent(10)),
                all -> all.size() == 2 && all.stream().allMatch(a -> a.state() == AlertState.DELIVERED));
        assertThat(hub.alerts().keySet()).containsExactlyInAnyOrderElementsOf(delivered.stream().map(Alert::id).toList());
        assertThat(daemon.onLoop(() -> daemon.alerts().pending())).isEmpty();

        // The observation the hub refused while unavailable is registered again at a heartbeat.
        hub.addDown(Down.Entry.ack(40, new Acknowledgement(1, delivered.get(0).id(), "Tom", Instant.now(), ""), "Tom's phone"));
        awaitAlert(AlertState.ACKNOWLEDGED);
    }

    @Test
    void events_reach_the_hub_once_and_in_order_across_a_gateway_restart() {
        hub = HubStandIn.start(hubPort, new PskKey(IDENTITY, KEY));
        daemon = start(hubPort);
        daemon.simulatedHome().pulse("cord-bathroom");
        Alert alert = awaitAlert(AlertState.DELIVERED);
        awaitEvents(alert.id(), "RAISED", "DELIVERED");

        // The hub cannot take events for now; the acknowledgement is applied, but its event cannot be told.
        hub.refuseEvents(true);
        hub.addDown(Down.Entry.ack(30, new Acknowledgement(1, alert.id(), "Tom", Instant.now(), ""), "Tom's phone"));
        awaitAlert(AlertState.ACKNOWLEDGED);
        await().atMost(WAIT).until(() -> hub.refused() >= 1);
        daemon.close();
        daemon = null;
        assertThat(hub.events(alert.id())).hasSize(2);

        hub.refuseEvents(false);
        daemon = start(hubPort); // the same data directory, so the same SQLite file
        List<AlertEvent> events = awaitEvents(alert.id(), "RAISED", "DELIVERED", "ACKNOWLEDGED");
        assertThat(events).extracting(AlertEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(hub.eventPosts() - hub.refused()).as("every post the hub took was new: nothing told twice").isEqualTo(3);
    }

    @Test
    void a_nat_rebinding_mid_session_keeps_the_session_through_the_connection_id() throws Exception {
        hub = HubStandIn.start(hubPort, new PskKey(IDENTITY, KEY));
        try (RebindingNat nat = new RebindingNat(new InetSocketAddress("127.0.0.1", hubPort))) {
            daemon = start(nat.address().getPort());
            long t0 = System.nanoTime();
            daemon.simulatedHome().pulse("cord-bathroom");
            awaitAlert(AlertState.DELIVERED);
            long first = System.nanoTime() - t0;
            assertThat(hub.handshakes()).isEqualTo(1);
            int before = nat.outsidePort();

            nat.rebind();
            assertThat(nat.outsidePort()).isNotEqualTo(before);
            long t1 = System.nanoTime();
            daemon.simulatedHome().pulse("help-pendant");
            await().atMost(WAIT).until(() -> hub.alerts().size() == 2);
            long second = System.nanoTime() - t1;
            await().atMost(WAIT).until(() -> daemon.onLoop(() -> daemon.alerts().recent(10)).stream()
                    .allMatch(a -> a.state() == AlertState.DELIVERED));
            System.out.printf("hub uplink: first alert (with handshake) %d ms, after NAT rebinding %d ms%n",
                    first / 1_000_000, second / 1_000_000);

            assertThat(hub.alertSourcePorts()).containsExactlyInAnyOrder(before, nat.outsidePort());
            assertThat(hub.handshakes()).as("no new handshake: the Connection ID carried the session").isEqualTo(1);
            daemon.close(); // while the NAT still runs, so the stopping heartbeat reaches the hub
            daemon = null;
        }
    }

    private Daemon start(int hubUdpPort) {
        HearthConfig config = HearthConfig.builder(new HearthConfig.Home("Flat 12", "en", ZONE), dir)
                .sensors(List.of(sensor("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 17),
                        sensor("help-pendant", "living room", SensorKind.HELP_BUTTON, 27)))
                .carers(List.of(new HearthConfig.CarerEntry("Tom", 1, null, true)))
                .coap("127.0.0.1", Ports.freeUdp(), -1).build()
                .withHub(new HearthConfig.Hub(URI.create("coaps://127.0.0.1:" + hubUdpPort), IDENTITY, HEARTBEAT));
        Secrets secrets = new Secrets(Map.of(), new Secrets.HubKey(KEY));
        return Daemon.start(config, secrets, RealTimeScheduler.create("loop", ZONE), (text, language) -> { }, List.of(),
                event -> { });
    }

    private Alert awaitAlert(AlertState state) {
        return await().atMost(WAIT).until(() -> daemon.onLoop(() -> daemon.alerts().recent(10)).stream()
                .filter(a -> a.state() == state).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private List<AuditEntry> history(Alert alert) {
        return daemon.onLoop(() -> daemon.alerts().history(alert.id()));
    }

    private List<AlertEvent> awaitEvents(UUID alert, String... expected) {
        return await().atMost(WAIT).until(() -> hub.events(alert),
                events -> events.stream().map(AlertEvent::event).toList().equals(List.of(expected)));
    }

    private static SensorSpec sensor(String id, String room, SensorKind kind, int pin) {
        return new SensorSpec(id, room, kind, pin, Pull.UP, true, Duration.ofMillis(20), Duration.ofDays(2));
    }
}
