package org.hearth.gateway.app.daemon;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.PrivateFile;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.resident.ResidentVoice;
import org.hearth.gateway.coap.CoapAlertChannel;
import org.hearth.gateway.coap.CoapGatewayServer;
import org.hearth.gateway.coap.GatewayHandlers;
import org.hearth.gateway.coap.HubUplink;
import org.hearth.gateway.coap.LocalControl;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.domain.AckResult;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.AlertCore;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.AlertObserver;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.Gateway;
import org.hearth.gateway.domain.Heartbeats;
import org.hearth.gateway.domain.Ladder;
import org.hearth.gateway.domain.Wearers;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.gateway.domain.activity.ActivityWatch;
import org.hearth.gateway.domain.activity.CheckInAnswers;
import org.hearth.gateway.domain.activity.TemperatureWatch;
import org.hearth.gateway.domain.falls.WornFallDetector;
import org.hearth.gateway.domain.hub.HomeSummaries;
import org.hearth.gateway.domain.hub.HubDown;
import org.hearth.gateway.domain.hub.HubEvents;
import org.hearth.gateway.domain.hub.RoutedChannel;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.SqliteEventStore;
import org.hearth.gateway.store.SqliteReminderStore;
import org.hearth.gateway.store.SqliteRetention;
import org.hearth.gateway.store.SqliteRoutineStore;
import org.hearth.protocol.GatewayStatus;
import org.hearth.protocol.OpenAlerts;
import org.hearth.protocol.Protocol;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.NotWornWatch;
import org.hearth.sensors.ble.EmulatedPendant;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.time.RealTimeScheduler;
import org.hearth.transport.Sessions;
import org.hearth.voice.Speaker;
import org.hearth.voice.VoiceLoop;
import org.hearth.voice.recognition.AudioInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway, wired once, top to bottom, in a fixed order: store, the ladder, CoAP, the
 * alert core ({@link AlertCore}) and the detectors, sensors ({@link SensorDrivers}), heartbeats,
 * listening. {@link #close()} undoes it in reverse: sensors stop first
 * so nothing new arrives, carers hear a last "stopping" heartbeat, then CoAP, the loop and the
 * store close. Domain state is touched on the event loop only.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** What the resident is told to phone when no carer can be reached. */
    static final String EMERGENCY_NUMBER = "999";
    /** A test alert resolves itself after this long, acknowledged or not. */
    static final java.time.Duration TEST_ALERT_WINDOW = java.time.Duration.ofMinutes(10);

    private final RealTimeScheduler loop;
    private final SqliteDatabase db;
    private final SqliteAlertStore alerts;
    private final CoapGatewayServer coap;
    /** The carers' keys, on the server's endpoint and the channel's: a revoked key stops working on both. */
    private final DirectCarerKeys carerKeys;
    /** Alerts and heartbeats to carers reached directly, from an endpoint of its own. */
    private final CoapAlertChannel toCarers;
    /** The alert core, once assembled; CoAP requests that arrive before it wait for it. */
    private final CompletableFuture<AlertCore> assembled = new CompletableFuture<>();
    private final AlertCore core;
    private final HealthSupervisor supervisor;
    private final NotWornWatch notWorn;
    private final HearthConfig config;
    private final ResidentVoice voice;
    /** The care hub's uplink, or null when this home has no hub. */
    private final HubUplink uplink;
    private HomeSummaries summaries;
    private final SensorRouting routing;
    private final SensorDrivers sensors;
    /** Set once the sensors are open; {@code /local/sim} says "starting" until then. */
    private volatile boolean sensorsStarted;
    private final LocalToken localToken = LocalToken.random();
    private boolean closed;

    private Daemon(HearthConfig config, Secrets secrets, RealTimeScheduler loop, Speaker speaker,
                   VoiceLoop.AudioSource microphone, List<AlertObserver> observers, SensorListener tap) {
        this.config = config;
        this.loop = loop;
        // 1. Store: nothing happens before alerts can be made durable.
        this.db = SqliteDatabase.open(config.storage().database());
        this.alerts = new SqliteAlertStore(db);
        SqliteEventStore events = SqliteEventStore.batching(db, loop, SqliteEventStore.DEFAULT_WINDOW); // see docs/performance.md
        if (config.coap().loopbackPort() >= 0) {
            writeLocalToken(config.storage().dataDir().resolve(LocalToken.FILE_NAME));
        }

        // 2. The ladder. A carer without a key (revoked, or not paired yet) is left off it; the
        //    config loader has warned about them. A carer through the care hub is reached with the hub's key.
        Optional<HearthConfig.Hub> hub = config.hubUplink().filter(h -> secrets.hubKey().isPresent());
        List<HearthConfig.CarerEntry> paired = config.carers().stream()
                .filter(c -> c.viaHub() ? hub.isPresent() : secrets.forCarer(c.name()).isPresent()).toList();
        List<HearthConfig.CarerEntry> direct = paired.stream().filter(c -> !c.viaHub()).toList();
        Ladder ladder = new Ladder(paired.stream()
                .map(c -> c.viaHub() ? Carer.throughHub(c.name(), c.level(), hub.orElseThrow().uri())
                        : new Carer(c.name(), c.level(), c.endpoint(), secrets.forCarer(c.name()).orElseThrow().identity()))
                .toList(), config.alerts().escalationTimeout());

        // 3. CoAP: the server, and the client side that reaches carers. Its requests wait for the
        //    alert core, which sends through it: the one cycle between them, broken by `assembled`.
        this.carerKeys = new DirectCarerKeys(direct, secrets);
        Sessions sessions = new Sessions();
        InetSocketAddress serving = new InetSocketAddress(config.coap().bind(), config.coap().port());
        this.coap = CoapGatewayServer.start(serving, config.coap().loopbackPort(), carerKeys.ring(), sessions, new Handlers(), new Local());
        this.toCarers = CoapAlertChannel.open(serving.getAddress(), carerKeys.ring(), sessions);
        // The care hub's uplink, when this home has one: carers through it are reached over it.
        this.uplink = hub.map(h -> HubUplink.open(h.uri(), h.identity(), secrets.hubKey().orElseThrow().key(),
                config.home().label(), loop, h.heartbeat())).orElse(null);
        AlertChannel channel = uplink == null ? toCarers : new RoutedChannel(toCarers, uplink);

        // 4. The alert core and the detectors, on the event loop. The resident's voice speaks for
        //    the core and acts on it, so it reaches the core through `assembled` too.
        this.voice = new ResidentVoice(config, loop, speaker, new SqliteReminderStore(db), new GatewayAlarmPort(assembled));
        Wearers wearers = new Wearers(config.home().household().wearers());
        AlertCore.Listeners listeners = new AlertCore.Listeners().reachability(since -> coap.changed());
        observers.forEach(listeners::transitions);
        listeners.transitions((alert, entry) -> coap.changed());
        this.core = new AlertCore(new AlertCore.Ports(alerts, ladder, channel, loop, voice),
                AlertCore.Settings.of(config.home().label(), config.alerts().preAlarm(), config.heartbeatInterval(),
                        EMERGENCY_NUMBER).withWearers(wearers), listeners);
        AlertMachine machine = core.machine();
        ActivityParameters thresholds = DetectionParameters.of(config.detection())
                .withResidents(config.home().household().residents());
        ActivityWatch activity = new ActivityWatch(thresholds, machine, loop, new SqliteRoutineStore(db));
        listeners.transitions(new CheckInAnswers(activity));
        // A fall found on a worn sensor during a walk test is the installer shaking it: held back (WalkTestMode).
        Gateway gateway = new Gateway(events, List.of(core.directAlarms(), activity,
                new WornFallDetector(core.walkTest().guarding(machine), loop, wearers)));
        sessions.onRestarted(identity -> loop.execute(() -> ladder.carers().stream()
                .filter(c -> c.identity().equals(identity)).forEach(c -> core.outbox().retryNow(c.name()))));
        this.supervisor = new HealthSupervisor(loop, event -> loop.execute(() -> core.healthAlerts().onHealth(event)));
        HomeSummarySource summary = new HomeSummarySource(config.home().label(), loop, supervisor::snapshot, activity::status,
                () -> alerts.open().size());
        Runnable hubLink = uplink == null ? () -> { } : hubLink(ladder, listeners, summary);
        assembled.complete(core); // every listener is in place: the loop may now act on the core
        onLoop(() -> {
            voice.start();
            core.recover();
            return null;
        });
        hubLink.run();

        // 5. Sensors, last: their events need everything above. A sensor that cannot be opened is
        //    reported OFFLINE and raises a "needs attention" alert; the daemon runs on without it.
        // "Pendant not worn" reads the home's movement and the pendants' samples (docs/sensors.md, "Not worn").
        this.notWorn = new NotWornWatch(loop, supervisor, config.pendants(), config.detection().nightStart(),
                config.detection().nightEnd());
        this.routing = new SensorRouting(gateway, tap, voice, summary,
                new TemperatureWatch(thresholds.environment(), machine, loop), notWorn);
        this.sensors = SensorDrivers.open(config, loop, supervisor, routing);
        supervisor.start();
        notWorn.start();
        sensorsStarted = true;

        // 6. Heartbeats tell the carers we are alive; retention runs daily.
        loop.execute(core.heartbeats()::start);
        if (summaries != null) {
            loop.execute(summaries::start);
        }
        RetentionJob retention = new RetentionJob(new SqliteRetention(db), loop, config.storage().eventRetentionDays());
        loop.schedule(RetentionJob.FIRST_RUN, retention::run);

        // 7. Listening, once everything else works: loading a speech model takes a few seconds,
        //    and the pull cords must not wait for it.
        voice.listen(config.voice(), microphone);
    }

    /**
     * The care hub: events of its alerts, the summary, and what it sends down. Its listener is
     * added now; the link it returns is started once the core has recovered.
     */
    private Runnable hubLink(Ladder ladder, AlertCore.Listeners listeners, HomeSummarySource summary) {
        List<String> viaHub = ladder.carers().stream().filter(Carer::viaHub).map(Carer::name).toList();
        HubEvents hubEvents = new HubEvents(alerts, uplink, loop, viaHub);
        listeners.transitions(hubEvents);
        this.summaries = new HomeSummaries(summary, uplink, loop);
        HubDown down = new HubDown(core.machine(), ladder, summaries::sendNow, uplink, loop);
        return () -> {
            uplink.start(down::receive, () -> {
                hubEvents.retryNow();
                viaHub.forEach(core.outbox()::retryNow);
            });
            loop.execute(hubEvents::wake);
        };
    }

    /**
     * Only root and the daemon's user can read it, so only they can act through {@code /local}.
     * A token that cannot be written leaves local control refused, not the home unguarded.
     */
    private void writeLocalToken(Path file) {
        try {
            PrivateFile.replace(file, localToken.text() + "\n");
        } catch (java.io.IOException e) {
            LOG.error("Local control is refused until a restart: cannot write its token {}: {}", file, e.getMessage());
        }
    }

    /**
     * Starts the gateway on {@code loop}, speaking through {@code speaker} and, when the config
     * enables voice and a model is installed, listening to {@code microphone}. The daemon owns the
     * loop from now on and closes it in {@link #close()}; the speaker stays the caller's.
     */
    public static Daemon start(HearthConfig config, Secrets secrets, RealTimeScheduler loop, Speaker speaker,
                               VoiceLoop.AudioSource microphone, List<AlertObserver> observers, SensorListener tap) {
        Daemon daemon = new Daemon(config, secrets, loop, speaker, microphone, observers, tap);
        LOG.info("Hearth is ready: home {}, {} sensors, {} carers, {}", config.home().label(), config.sensors().size(),
                config.carers().size(), daemon.voice.listening() ? "listening" : "not listening");
        return daemon;
    }

    /** Starts the gateway with the machine's microphone. */
    public static Daemon start(HearthConfig config, Secrets secrets, RealTimeScheduler loop, Speaker speaker,
                               List<AlertObserver> observers, SensorListener tap) {
        return start(config, secrets, loop, speaker, AudioInputs::microphone, observers, tap);
    }

    /** A radar of the simulated home, to make it see someone; empty unless the GPIO backend is mock. */
    public Optional<Mr24hpc1Emulator> simulatedRadar(String id) {
        return sensors.simulatedRadar(id);
    }

    /** A pendant of the simulated home, to make its wearer fall; empty unless the GPIO backend is mock. */
    public Optional<EmulatedPendant> simulatedPendant(String id) {
        return sensors.simulatedPendant(id);
    }

    /** The simulated home, when the config's GPIO backend is mock. */
    public SimulatedHome simulatedHome() {
        if (sensors.simulated() == null) {
            throw new IllegalStateException("this daemon runs real GPIO, not a simulated home");
        }
        return sensors.simulated();
    }

    public InetSocketAddress coapsAddress() {
        return coap.secureAddress();
    }

    public SqliteAlertStore alerts() {
        return alerts;
    }

    public HearthConfig config() {
        return config;
    }

    /** Runs {@code task} on the event loop and waits for its result: for start-up, shutdown and tests. */
    public <T> T onLoop(Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, loop::execute).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the event loop", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("event loop task failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Hearth is stopping");
        closeQuietly(voice, "voice");
        closeQuietly(sensors, "sensors");
        closeQuietly(notWorn, "not-worn watch");
        closeQuietly(supervisor, "sensor supervision");
        try {
            onLoop(core.heartbeats()::stop).toCompletableFuture().get(3, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.info("Not every carer answered the stopping heartbeat within 3 s");
        } catch (Exception e) {
            LOG.info("Not every carer heard the stopping heartbeat: {}", e.toString());
        }
        if (summaries != null) {
            onLoop(() -> {
                summaries.stop();
                return null;
            });
        }
        closeQuietly(uplink, "the hub's uplink");
        closeQuietly(coap, "CoAP");
        closeQuietly(toCarers, "CoAP to carers");
        loop.close(); // runs what is due, drops later timers (retries resume from the outbox at next start)
        closeQuietly(db, "database");
        LOG.info("Hearth stopped");
    }

    private static void closeQuietly(AutoCloseable c, String what) {
        SensorDrivers.closeQuietly(c, what);
    }

    /** CoAP requests, answered on the event loop. */
    private final class Handlers implements GatewayHandlers {
        @Override
        public CompletionStage<GatewayStatus> status() {
            return onCore(core -> new GatewayStatus(Protocol.VERSION, config.home().label(), loop.now(),
                    supervisor.snapshot().stream().map(h -> new GatewayStatus.SensorStatus(h.sensorId(), h.room(), h.kind(),
                            h.status().name(), h.reason(), h.lastEvent().orElse(null))).toList(),
                    openAlertList(), queued(), core.reachability().unreachableSince().orElse(null),
                    routing == null ? List.of() : routing.presence()));
        }

        @Override
        public CompletionStage<OpenAlerts> openAlerts() {
            return onCore(core -> new OpenAlerts(Protocol.VERSION, config.home().label(), openAlertList()));
        }

        @Override
        public CompletionStage<AckResult> acknowledge(UUID alertId, String identity, String note) {
            return onCore(core -> core.machine().acknowledge(alertId, identity, note));
        }

        @Override
        public CompletionStage<AckResult> resolve(UUID alertId, String identity, org.hearth.protocol.Down.Outcome outcome,
                                                  String note) {
            return onCore(core -> core.machine().resolveFromDevice(alertId, identity, outcome, note));
        }
    }

    /** Runs {@code task} on the event loop once the alert core is assembled: what CoAP requests do. */
    private <T> CompletableFuture<T> onCore(java.util.function.Function<AlertCore, T> task) {
        return assembled.thenApplyAsync(task, loop::execute);
    }

    /** Messages still to send to carers who hold a key; a revoked carer's are kept but never sent. */
    private int queued() {
        return (int) alerts.pending().stream().filter(e -> carerKeys.holds(e.carer())).count();
    }

    /** Local tools on this machine: key reload after revocation, and presses in a simulated home. */
    private final class Local implements LocalControl {
        @Override
        public LocalToken token() {
            return localToken;
        }

        @Override
        public boolean sensorsStarted() {
            return sensorsStarted;
        }

        @Override
        public CompletionStage<String> reloadKeys() {
            return onCore(core -> {
                Secrets now;
                try {
                    now = ConfigLoader.loadSecrets(config.secretsFile());
                } catch (ConfigException e) {
                    throw new IllegalStateException("the secrets file is not valid: " + String.join("; ", e.errors()));
                }
                List<String> revoked = carerKeys.revokeChanged(now, core);
                return revoked.isEmpty() ? "no key revoked" : "revoked: " + String.join(", ", revoked);
            });
        }

        @Override
        public CompletionStage<UUID> testAlert() {
            return onCore(core -> core.machine().raiseTest(
                    "TEST alert from the installer at " + config.home().label() + ". No action is needed.",
                    TEST_ALERT_WINDOW));
        }

        @Override
        public CompletionStage<java.time.Instant> startWalkTest() {
            return onCore(core -> core.walkTest().start());
        }

        @Override
        public CompletionStage<Boolean> finishWalkTest() {
            return onCore(core -> core.walkTest().finish());
        }

        @Override
        public CompletionStage<org.hearth.gateway.coap.WalkTestReport> walkTestReport() {
            return onCore(core -> new org.hearth.gateway.coap.WalkTestReport(core.walkTest().heard()));
        }

        @Override
        public boolean simulated() {
            return config.gpio() == GpioBackend.MOCK;
        }

        @Override
        public CompletionStage<Boolean> press(String sensorId) {
            return CompletableFuture.supplyAsync(() -> {
                SimulatedHome simulated = sensors.simulated();
                if (simulated == null || simulated.specs().stream().noneMatch(s -> s.id().equals(sensorId))) {
                    return false;
                }
                simulated.pulse(sensorId);
                return true;
            }, loop::execute);
        }
    }

    private List<GatewayStatus.OpenAlert> openAlertList() {
        List<GatewayStatus.OpenAlert> out = new ArrayList<>();
        for (var a : alerts.open()) {
            out.add(new GatewayStatus.OpenAlert(a.id(), a.kind(), a.room(), a.createdAt(), a.state().name(), a.level()));
        }
        return out;
    }
}
