package org.hearth.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.hearth.carer.CarerEndpoint;
import org.hearth.carer.CarerListener;
import org.hearth.carer.CarerSettings;
import org.hearth.carer.ResolveAnswer;
import org.hearth.carer.cli.CarerMain;
import org.hearth.gateway.domain.AckResult;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertCore;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.testkit.SilentChannel;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.Ladder;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.testkit.DtlsProbe;
import org.hearth.gateway.testkit.Ports;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.PairingCode;
import org.hearth.protocol.Severity;
import org.hearth.time.RealTimeScheduler;
import org.hearth.transport.PskKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A carer on the home's own network closes an alert from their device: real DTLS endpoints on
 * loopback, the real alert machine on its own event loop, and the real SQLite store.
 */
@Tag("medium")
class CarerResolveTest {

    private static final byte[] PRIYA_KEY = hex("00112233445566778899aabbccddeeff");
    private static final byte[] STRANGER_KEY = hex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final byte[] HUB_SAM_KEY = hex("ffeeddccbbaa99887766554433221100");

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private SqliteAlertStore store;
    private RealTimeScheduler loop;
    private AlertMachine machine;
    private CoapGatewayServer gateway;
    private InetSocketAddress strangerAt;
    private InetSocketAddress samAt;
    private CarerEndpoint priya;

    @BeforeEach
    void start() {
        db = SqliteDatabase.open(dir.resolve("hearth.db"));
        store = new SqliteAlertStore(db);
        loop = RealTimeScheduler.create("test-loop", ZoneId.of("Europe/London"));
        InetSocketAddress priyaAt = new InetSocketAddress("127.0.0.1", Ports.freeUdp());
        strangerAt = new InetSocketAddress("127.0.0.1", Ports.freeUdp());
        samAt = new InetSocketAddress("127.0.0.1", Ports.freeUdp());
        Ladder ladder = new Ladder(List.of(
                new Carer("Priya", 1, URI.create("coaps://" + priyaAt.getHostString() + ":" + priyaAt.getPort()), "priya-id"),
                Carer.throughHub("Sam", 1, URI.create("coaps://127.0.0.1:5784"))), Duration.ofMinutes(5));
        // Nothing is sent here: this test is about what carers' devices say back, not delivery.
        machine = new AlertCore(new AlertCore.Ports(store, ladder, new SilentChannel(), loop, phrase -> { }),
                AlertCore.Settings.of("Flat 12", Duration.ofSeconds(30), Duration.ofSeconds(60), "999"),
                new AlertCore.Listeners()).machine();
        // The stranger holds a key this gateway accepts but is on no ladder; "hub:Sam" is the identity
        // under which the hub speaks for Sam, here (wrongly) held by a device on the home network.
        gateway = CoapGatewayServer.start(new InetSocketAddress("127.0.0.1", Ports.freeUdp()), -1, Map.of(
                priyaAt, new PskKey("priya-id", PRIYA_KEY),
                strangerAt, new PskKey("stranger-id", STRANGER_KEY),
                samAt, new PskKey(Carer.hubIdentity("Sam"), HUB_SAM_KEY)), new LoopHandlers());
        priya = device(priyaAt, "Priya", "priya-id", PRIYA_KEY);
    }

    @AfterEach
    void stop() {
        priya.close();
        gateway.close();
        loop.close();
        db.close();
    }

    @Test
    void a_carer_acknowledges_then_resolves_and_the_store_keeps_the_outcome_once_however_often_it_is_said() throws Exception {
        UUID id = raise(false);

        assertThat(await(priya.acknowledge(id, "on my way"))).isTrue();
        assertThat(await(priya.resolve(id, Down.Outcome.HELPED_UP, "Sat her in the chair"))).isEqualTo(ResolveAnswer.CLOSED);

        assertThat(onLoop(() -> store.find(id)).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
        AuditEntry last = lastOf(id);
        assertThat(last.event()).isEqualTo(AuditEntry.Event.RESOLVED);
        assertThat(last.carer()).isEqualTo("Priya");
        assertThat(last.detail()).isEqualTo("Resolved by Priya (helped up): Sat her in the chair");
        assertThat(last.outcome()).as("kept as a value").isEqualTo(Down.Outcome.HELPED_UP);

        assertThat(await(priya.resolve(id, Down.Outcome.HELPED_UP, "Sat her in the chair"))).as("a repeat")
                .isEqualTo(ResolveAnswer.CLOSED);
        assertThat(onLoop(() -> store.history(id)).stream().filter(e -> e.event() == AuditEntry.Event.RESOLVED))
                .as("resolved once").hasSize(1);
        assertThat(onLoop(() -> store.open())).isEmpty();
    }

    @Test
    void someone_not_on_this_homes_ladder_is_refused_and_the_alert_stays_open() throws Exception {
        UUID id = raise(false);
        try (CarerEndpoint stranger = device(strangerAt, "Stranger", "stranger-id", STRANGER_KEY);
             CarerEndpoint samOnTheHomeNetwork = device(samAt, "Sam", Carer.hubIdentity("Sam"), HUB_SAM_KEY)) {
            assertThat(await(stranger.resolve(id, Down.Outcome.FALSE_ALARM, ""))).isEqualTo(ResolveAnswer.NOT_A_CARER);
            assertThat(await(samOnTheHomeNetwork.resolve(id, Down.Outcome.FALSE_ALARM, "")))
                    .as("a carer reached through the hub speaks only through the hub").isEqualTo(ResolveAnswer.NOT_A_CARER);
        }
        assertThat(onLoop(() -> store.find(id)).orElseThrow().state()).isEqualTo(AlertState.RAISED);
    }

    @Test
    void an_unknown_alert_a_pre_alarm_and_a_body_that_is_not_a_resolution_are_each_told_apart() throws Exception {
        assertThat(await(priya.resolve(UUID.randomUUID(), Down.Outcome.OTHER, ""))).isEqualTo(ResolveAnswer.NO_SUCH_ALERT);

        UUID asking = raise(true);
        assertThat(await(priya.resolve(asking, Down.Outcome.RESIDENT_FINE, ""))).isEqualTo(ResolveAnswer.NOT_OPEN);
        assertThat(onLoop(() -> store.find(asking)).orElseThrow().state()).isEqualTo(AlertState.PRE_ALARM);

        var empty = DtlsProbe.post(URI.create("coaps://127.0.0.1:" + gateway.secureAddress().getPort() + "/alerts/" + asking
                + "/resolve"), "priya-id", PRIYA_KEY);
        assertThat(empty).isNotNull();
        assertThat(empty.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(empty.getResponseText()).isEqualTo("empty resolution payload");
    }

    @Test
    void the_one_shot_command_closes_an_alert_with_the_enrolled_settings_and_says_so() throws Exception {
        UUID id = raise(false);
        Path settings = dir.resolve("carer.properties");
        new CarerSettings(new PairingCode(URI.create("coaps://127.0.0.1:" + gateway.secureAddress().getPort()), "Priya", "priya-id",
                PRIYA_KEY.clone()), "127.0.0.1", 0).write(settings);

        var out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new picocli.CommandLine(new CarerMain()).execute("resolve", "--config", settings.toString(), "--id", id.toString(),
                    "--outcome", "false-alarm", "--note", "She was asleep");
        } finally {
            System.setOut(was);
        }

        assertThat(exit).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("CLOSED " + id + " (false alarm): ");
        assertThat(lastOf(id).detail()).isEqualTo("Resolved by Priya (false alarm): She was asleep");
        assertThat(lastOf(id).outcome()).isEqualTo(Down.Outcome.FALSE_ALARM);
        assertThat(onLoop(() -> store.find(id)).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
    }

    private UUID raise(boolean preAlarm) throws Exception {
        return onLoop(() -> {
            machine.raise(new AlertRequest(AlertKind.HELP, Severity.URGENT, "bathroom", "The pull cord was pulled.", preAlarm, false));
            return store.open().stream().map(Alert::id).reduce((first, second) -> second).orElseThrow();
        });
    }

    private AuditEntry lastOf(UUID id) throws Exception {
        List<AuditEntry> history = onLoop(() -> store.history(id));
        return history.get(history.size() - 1);
    }

    private <T> T onLoop(Supplier<T> what) throws Exception {
        return CompletableFuture.supplyAsync(what, loop::execute).get(10, TimeUnit.SECONDS);
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private CarerEndpoint device(InetSocketAddress at, String name, String identity, byte[] key) {
        return CarerEndpoint.start(at, URI.create("coaps://127.0.0.1:" + gateway.secureAddress().getPort()), name, identity, key,
                Clock.systemUTC(), new CarerListener() {
                    @Override
                    public void onAlert(org.hearth.protocol.Alert alert) {
                    }

                    @Override
                    public void onHeartbeat(Heartbeat heartbeat) {
                    }
                });
    }

    /** As the daemon answers acknowledgements and resolutions: applied on the event loop, which owns the alert machine. */
    private final class LoopHandlers extends CoapDtlsTest.NoHandlers {
        @Override
        public CompletionStage<AckResult> acknowledge(UUID alertId, String identity, String note) {
            return CompletableFuture.supplyAsync(() -> machine.acknowledge(alertId, identity, note), loop::execute);
        }

        @Override
        public CompletionStage<AckResult> resolve(UUID alertId, String identity, Down.Outcome outcome, String note) {
            return CompletableFuture.supplyAsync(() -> machine.resolveFromDevice(alertId, identity, outcome, note), loop::execute);
        }
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
