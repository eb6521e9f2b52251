package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hearth.carer.CarerEndpoint;
import org.hearth.carer.CarerListener;
import org.hearth.carer.ResolveAnswer;
import org.hearth.demo.RebindingNat;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.testkit.Ports;
import org.hearth.hub.Hub;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.http.Certificates;
import org.hearth.hub.http.Invites;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.StoredEvent;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Down;
import org.hearth.protocol.WireCodec;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway and the real hub, in one JVM on loopback: the daemon (SQLite, alert machine,
 * outbox, {@code HubUplink}) dials the hub ({@code hearth-hub}'s uplink server with its SQLite
 * store) with the key {@code homes add} made. An alert is stored by the hub and counts as
 * delivered; an acknowledgement the hub queues comes down, is applied by the alert machine, and
 * its event goes back up; the summary arrives. Each side was tested against a stand-in of the
 * other; this is where they meet.
 */
@Tag("medium")
class HubEndToEndTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Hub hub;
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
    void an_alert_goes_up_to_the_hub_and_an_acknowledgement_comes_down_through_it() {
        int hubPort = Ports.freeUdp();
        hub = Hub.start(new HubConfig(new HubConfig.Uplink("127.0.0.1", hubPort, "127.0.0.1"), Duration.ofSeconds(60),
                new HubConfig.Storage(dir.resolve("hub"), HubConfig.StoreKind.SQLITE, Optional.empty())));
        Home home = hub.store().addHome("Flat 12", randomKey(), Instant.now());
        daemon = startGateway(hubPort, home);

        daemon.simulatedHome().pulse("cord-bathroom");
        Alert alert = awaitAlert(AlertState.DELIVERED);
        assertThat(hub.store().alerts(home.id())).singleElement()
                .satisfies(stored -> assertThat(stored.id()).isEqualTo(alert.id()));
        awaitHubEvents(alert, "delivered", 2);

        // Tom's phone says it has the alert: the hub keeps the receipt and queues it for the gateway
        // as its HTTP API does (POST …/received), and the gateway's trail records it, not as an ack.
        Instant receivedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        hub.store().addReceipt(home.id(), alert.id(), "d-tom", "Tom", receivedAt);
        hub.uplink().tellGateway(home, "delivered", "{\"alert_id\":\"" + alert.id() + "\",\"by\":\"Tom\",\"at\":\""
                + receivedAt + "\",\"device\":\"Tom's phone\"}", Instant.now());
        AuditEntry receipt = await().atMost(WAIT).until(() -> history(alert).stream()
                .filter(e -> e.is(AuditEntry.Event.RECEIVED_ON_DEVICE, "Tom")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(receipt.detail()).isEqualTo("Received on Tom's phone");
        assertThat(receipt.at()).isEqualTo(receivedAt);
        assertThat(daemon.onLoop(() -> daemon.alerts().find(alert.id())).orElseThrow().state()).isEqualTo(AlertState.DELIVERED);
        await().atMost(WAIT).until(() -> hub.store().pendingDown(home.id()).isEmpty());
        assertThat(awaitHubEvents(alert, "delivered", 3).get(2).json()).contains("\"event\":\"RECEIVED_ON_DEVICE\"");

        Acknowledgement ack = new Acknowledgement(1, alert.id(), "Tom", Instant.now(), "on my way");
        hub.uplink().tellGateway(home, "ack", "{\"ack\":" + new String(WireCodec.encode(ack), StandardCharsets.UTF_8)
                + ",\"device\":\"Tom's phone\"}", Instant.now());
        awaitAlert(AlertState.ACKNOWLEDGED);
        await().atMost(WAIT).until(() -> hub.store().pendingDown(home.id()).isEmpty());
        List<StoredEvent> events = awaitHubEvents(alert, "acknowledged", 4);
        assertThat(events).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L);

        hub.uplink().tellGateway(home, "check_now", "{}", Instant.now());
        await().atMost(WAIT).until(() -> hub.store().summary(home.id()).isPresent());
        assertThat(hub.store().summary(home.id()).orElseThrow().json()).contains("\"home\":\"Flat 12\"").contains("cord-bathroom");
    }

    @Test
    void an_acknowledgement_comes_down_after_the_home_router_moved_the_gateway_to_a_new_port() throws Exception {
        int hubPort = Ports.freeUdp();
        hub = Hub.start(new HubConfig(new HubConfig.Uplink("127.0.0.1", hubPort, "127.0.0.1"), Duration.ofSeconds(60),
                new HubConfig.Storage(dir.resolve("hub"), HubConfig.StoreKind.SQLITE, Optional.empty())));
        Home home = hub.store().addHome("Flat 12", randomKey(), Instant.now());
        try (RebindingNat nat = new RebindingNat(new InetSocketAddress("127.0.0.1", hubPort))) {
            daemon = startGateway(nat.address().getPort(), home);
            daemon.simulatedHome().pulse("cord-bathroom");
            Alert alert = awaitAlert(AlertState.DELIVERED);

            nat.rebind();
            Acknowledgement ack = new Acknowledgement(1, alert.id(), "Tom", Instant.now(), "on my way");
            hub.uplink().tellGateway(home, "ack", "{\"ack\":" + new String(WireCodec.encode(ack), StandardCharsets.UTF_8)
                    + ",\"device\":\"Tom's phone\"}", Instant.now());
            awaitAlert(AlertState.ACKNOWLEDGED);
            await().atMost(WAIT).until(() -> hub.store().pendingDown(home.id()).isEmpty());
            daemon.close();
            daemon = null;
        }
    }

    /**
     * Priya on the home's own network ({@code hearth-carer}'s library, real DTLS) and Tom through the
     * hub's HTTPS API each close an alert with an outcome: the outcome is a value at the other end.
     * While nobody has answered, the hub shows who the gateway's ladder tells next (Ana, through
     * the hub) and at the time the ladder's timer was set for; it goes once Priya acknowledges.
     */
    @Test
    void outcomes_travel_both_ways_between_the_home_network_and_the_hub_and_the_hub_shows_the_next_escalation()
            throws Exception {
        int hubPort = Ports.freeUdp();
        hub = Hub.start(new HubConfig(new HubConfig.Uplink("127.0.0.1", hubPort, "127.0.0.1"), Duration.ofSeconds(60),
                new HubConfig.Storage(dir.resolve("hub"), HubConfig.StoreKind.SQLITE, Optional.empty()),
                Optional.of(new HubConfig.Http("127.0.0.1", 0, URI.create("https://127.0.0.1"), HubConfig.Tls.selfSigned()))));
        Home home = hub.store().addHome("Flat 12", randomKey(), Instant.now());
        int priyaPort = Ports.freeUdp();
        byte[] priyaKey = randomKey();
        daemon = startGateway(hubPort, home, List.of(new HearthConfig.CarerEntry("Tom", 1, null, true),
                        new HearthConfig.CarerEntry("Priya", 1, URI.create("coaps://127.0.0.1:" + priyaPort)),
                        new HearthConfig.CarerEntry("Ana", 2, null, true)),
                Map.of("Priya", new Secrets.CarerKey("priya-id", priyaKey)));
        HttpsCarer tom = new HttpsCarer(URI.create("https://127.0.0.1:" + hub.http().orElseThrow().port()),
                dir.resolve("hub").resolve(Certificates.SELF_SIGNED), dir.resolve("hub").resolve(Certificates.SELF_SIGNED_PASSWORD));
        assertThat(tom.enrol(Invites.issue(hub.store(), home.id(), "Tom", 1, Instant.now()), "Tom's phone").status()).isEqualTo(201);
        String alerts = "/homes/" + home.id() + "/alerts/";

        try (CarerEndpoint priya = CarerEndpoint.start(new InetSocketAddress("127.0.0.1", priyaPort),
                URI.create("coaps://127.0.0.1:" + daemon.coapsAddress().getPort()), "Priya", "priya-id", priyaKey,
                java.time.Clock.systemUTC(), new CarerListener() {
                    @Override
                    public void onAlert(org.hearth.protocol.Alert alert) {
                    }

                    @Override
                    public void onHeartbeat(org.hearth.protocol.Heartbeat heartbeat) {
                    }
                })) {
            daemon.simulatedHome().pulse("cord-bathroom");
            Alert first = awaitAlert(AlertState.DELIVERED);
            AuditEntry raised = history(first).get(0);
            assertThat(raised.event()).isEqualTo(AuditEntry.Event.RAISED);
            JsonNode unanswered = await().atMost(WAIT).until(() -> tom.get(alerts + first.id()).json(),
                    view -> view.has("next_escalation"));
            assertThat(unanswered.path("next_escalation").toString()).as("the ladder's own time: level 1 told, plus its 5 min")
                    .isEqualTo("{\"at\":\"" + first.levelSince().plus(Duration.ofMinutes(5)) + "\",\"to\":\"Ana\"}");

            assertThat(priya.acknowledge(first.id(), "on my way").toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
            JsonNode answered = await().atMost(WAIT).until(() -> tom.get(alerts + first.id()).json(),
                    view -> view.path("state").asText().equals("acknowledged"));
            assertThat(answered.has("next_escalation")).as("someone answered").isFalse();

            assertThat(priya.resolve(first.id(), Down.Outcome.HELPED_UP, "Sat her in the chair").toCompletableFuture()
                    .get(30, TimeUnit.SECONDS)).isEqualTo(ResolveAnswer.CLOSED);
            JsonNode ended = await().atMost(WAIT).until(() -> tom.get(alerts + first.id()).json(),
                    view -> view.path("state").asText().equals("resolved")).path("ended");
            assertThat(ended.path("outcome").asText()).as("nothing went through the hub: the gateway's event says it")
                    .isEqualTo("helped_up");
            assertThat(ended.path("carer").asText()).isEqualTo("Priya");
            // (Priya's device's delivery may be recorded after she closed it: it is about the device, not the alert.)
            assertThat(hub.store().events(first.id())).extracting(StoredEvent::json)
                    .filteredOn(json -> json.contains("\"event\":\"RESOLVED\"")).singleElement().asString()
                    .contains("\"outcome\":\"helped_up\"").doesNotContain("next_at");
        }

        daemon.simulatedHome().pulse("cord-bathroom");
        // The first is closed, so the one open alert is the new one.
        Alert second = await().atMost(WAIT).until(() -> daemon.onLoop(() -> daemon.alerts().open()).stream().findFirst(),
                Optional::isPresent).orElseThrow();
        await().atMost(WAIT).until(() -> tom.get(alerts + second.id()).status() == 200);
        assertThat(tom.post(alerts + second.id() + "/resolve", "{\"outcome\":\"ambulance_called\",\"note\":\"Paramedics took her in\"}")
                .status()).isEqualTo(202);
        AuditEntry closed = await().atMost(WAIT).until(() -> history(second).get(history(second).size() - 1),
                e -> e.event() == AuditEntry.Event.RESOLVED);
        assertThat(closed.carer()).isEqualTo("Tom");
        assertThat(closed.outcome()).as("typed in the gateway's audit").isEqualTo(Down.Outcome.AMBULANCE_CALLED);
        assertThat(closed.detail()).isEqualTo("Resolved by Tom (ambulance called): Paramedics took her in");
    }

    private Daemon startGateway(int hubPort, Home home) {
        return startGateway(hubPort, home, List.of(new HearthConfig.CarerEntry("Tom", 1, null, true)), Map.of());
    }

    private Daemon startGateway(int hubPort, Home home, List<HearthConfig.CarerEntry> carers, Map<String, Secrets.CarerKey> keys) {
        HearthConfig config = HearthConfig.builder(new HearthConfig.Home("Flat 12", "en", ZONE), dir)
                .sensors(List.of(new SensorSpec("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 17, Pull.UP, true,
                        Duration.ofMillis(20), Duration.ofDays(2))))
                .carers(carers).coap("127.0.0.1", Ports.freeUdp(), -1).build()
                .withHub(new HearthConfig.Hub(URI.create("coaps://127.0.0.1:" + hubPort), home.identity(), Duration.ofSeconds(25)));
        return Daemon.start(config, new Secrets(keys, new Secrets.HubKey(home.key())),
                RealTimeScheduler.create("loop", ZONE), (text, language) -> { }, List.of(), event -> { });
    }

    private List<AuditEntry> history(Alert alert) {
        return daemon.onLoop(() -> daemon.alerts().history(alert.id()));
    }

    private Alert awaitAlert(AlertState state) {
        return await().atMost(WAIT).until(() -> daemon.onLoop(() -> daemon.alerts().recent(10)).stream()
                .filter(a -> a.state() == state).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Waits until the hub holds {@code count} events of the alert and files it in {@code state}. */
    private List<StoredEvent> awaitHubEvents(Alert alert, String state, int count) {
        await().atMost(WAIT).until(() -> hub.store().alert(alert.id()).map(a -> a.state().equals(state)).orElse(false));
        return await().atMost(WAIT).until(() -> hub.store().events(alert.id()), events -> events.size() == count);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }
}
