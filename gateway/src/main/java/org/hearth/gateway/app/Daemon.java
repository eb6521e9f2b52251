package org.hearth.gateway.app;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.hearth.gateway.coap.CoapAlertChannel;
import org.hearth.gateway.coap.CoapGatewayServer;
import org.hearth.gateway.coap.HubUplink;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.hub.HomeSummaries;
import org.hearth.gateway.domain.hub.HubDown;
import org.hearth.gateway.domain.hub.HubEvents;
import org.hearth.gateway.domain.hub.RoutedChannel;
import java.util.Optional;
import org.hearth.gateway.coap.GatewayHandlers;
import org.hearth.gateway.coap.LocalControl;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.domain.AckResult;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.AlertObserver;
import org.hearth.gateway.domain.Announcer;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.CarerReachability;
import org.hearth.gateway.domain.DirectAlarms;
import org.hearth.gateway.domain.Gateway;
import org.hearth.gateway.domain.Heartbeats;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.KeyRing;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;
import org.hearth.gateway.domain.Ladder;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.gateway.domain.activity.ActivityWatch;
import org.hearth.gateway.domain.activity.CheckInAnswers;
import org.hearth.gateway.domain.activity.TemperatureReading;
import org.hearth.gateway.domain.activity.TemperatureWatch;
import org.hearth.gateway.domain.falls.WornFallDetector;
import org.hearth.gateway.domain.SensorHealthAlerts;
import org.hearth.gateway.domain.WalkTestMode;
import org.hearth.gateway.domain.OutboxDispatcher;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.SqliteEventStore;
import org.hearth.gateway.store.SqliteReminderStore;
import org.hearth.gateway.store.SqliteRoutineStore;
import org.hearth.gateway.store.SqliteRetention;
import org.hearth.protocol.GatewayStatus;
import org.hearth.protocol.OpenAlerts;
import org.hearth.protocol.Protocol;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.i2c.I2cBackend;
import org.hearth.sensors.ble.Pendants;
import org.hearth.sensors.serial.Radars;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.sensors.serial.SerialBackend;
import org.hearth.sensors.sim.SerialPeer;
import org.hearth.sensors.i2c.I2cSensors;
import org.hearth.sensors.sim.Adxl345Emulator;
import org.hearth.sensors.sim.Bme280Emulator;
import org.hearth.sensors.sim.Sht31Emulator;
import org.hearth.sensors.sim.SimulatedI2cBus;
import org.hearth.sensors.gpio.DigitalSensors;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.gpio.GpioException;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.NotWornWatch;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.Scheduler;
import org.hearth.voice.Speaker;
import org.hearth.voice.VoiceLoop;
import org.hearth.voice.recognition.AudioInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway, wired once, top to bottom, in a fixed order: store, event loop and
 * domain, CoAP, sensors, heartbeats. {@link #close()} undoes it in reverse: sensors stop first
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
    private final AlertMachine machine;
    private final CoapGatewayServer coap;
    /** The carers' keys, on the server's endpoint and the channel's: a revoked key stops working on both. */
    private final KeyRing carerKeys;
    /** Alerts and heartbeats to carers reached directly, from an endpoint of its own. */
    private final CoapAlertChannel toCarers;
    private final Heartbeats heartbeats;
    private final HealthSupervisor supervisor;
    private RealTimeScheduler i2cLoop;
    private final I2cSensors i2c;
    private RealTimeScheduler serialLoop;
    private final Radars radars;
    /** The simulated home's radars, by id, when the GPIO backend is mock: frame emulators behind the serial provider. */
    private final Map<String, Mr24hpc1Emulator> simulatedRadars = new java.util.concurrent.ConcurrentHashMap<>();
    /** What each radar saw last, by id; owned by the event loop, for {@code hearth status}. */
    private final Map<String, PresenceEvent> presence = new LinkedHashMap<>();
    private final Pendants pendants;
    private final NotWornWatch notWorn;
    private RealTimeScheduler bleLoop;
    private final HearthConfig config;
    private final CarerReachability reachability;
    private final OutboxDispatcher outbox;
    private final ResidentVoice voice;
    /** The care hub's uplink, or null when this home has no hub. */
    private final HubUplink uplink;
    private HomeSummaries summaries;
    private HomeSummarySource summary;
    private final WalkTestMode walkTest;
    /** The keys the DTLS endpoint holds now, by carer name; revocation removes them. */
    private final Map<String, Secrets.CarerKey> activeKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private AutoCloseable sensors;
    private SimulatedHome simulated;
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

        // 2. Domain, on the event loop. A carer without a key (revoked, or not paired yet) is
        //    left off the ladder; the config loader has warned about them.
        //    A carer through the care hub is reached with the hub's key.
        Optional<HearthConfig.Hub> hub = config.hubUplink().filter(h -> secrets.hubKey().isPresent());
        List<HearthConfig.CarerEntry> paired = config.carers().stream()
                .filter(c -> c.viaHub() ? hub.isPresent() : secrets.forCarer(c.name()).isPresent()).toList();
        List<HearthConfig.CarerEntry> direct = paired.stream().filter(c -> !c.viaHub()).toList();
        direct.forEach(c -> activeKeys.put(c.name(), secrets.forCarer(c.name()).orElseThrow()));
        Ladder ladder = new Ladder(paired.stream()
                .map(c -> c.viaHub() ? Carer.throughHub(c.name(), c.level(), hub.orElseThrow().uri())
                        : new Carer(c.name(), c.level(), c.endpoint(), secrets.forCarer(c.name()).orElseThrow().identity()))
                .toList(), config.alerts().escalationTimeout());
        Supplier<UUID> ids = UUID::randomUUID;
        this.voice = new ResidentVoice(config, loop, speaker, new SqliteReminderStore(db));
        Announcer announcer = voice;
        // The resident hears when no carer can be reached, and when the link is back.
        this.reachability = new CarerReachability(loop, announcer, CarerReachability.DEFAULT_THRESHOLD, EMERGENCY_NUMBER);
        this.machine = new AlertMachine(alerts, ladder, loop, announcer, config.alerts().preAlarm(), ids, reachability);
        observers.forEach(machine::addObserver);
        SensorHealthAlerts healthAlerts = new SensorHealthAlerts(machine, loop);
        machine.addObserver(healthAlerts);
        ActivityParameters thresholds = DetectionParameters.of(config.detection());
        ActivityWatch activity = new ActivityWatch(thresholds, machine, loop, new SqliteRoutineStore(db));
        machine.addObserver(new CheckInAnswers(activity));
        this.walkTest = new WalkTestMode(loop, announcer);
        Gateway gateway = new Gateway(events, List.of(new DirectAlarms(machine, loop, walkTest), activity,
                new WornFallDetector(machine, loop)));

        // 3. CoAP: the server, and the client side that reaches carers.
        Map<InetSocketAddress, PskKey> keys = new LinkedHashMap<>();
        for (HearthConfig.CarerEntry c : direct) {
            Secrets.CarerKey key = secrets.forCarer(c.name()).orElseThrow();
            keys.put(DtlsEndpoints.address(c.endpoint()), new PskKey(key.identity(), key.key()));
        }
        this.carerKeys = KeyRing.of(keys);
        Sessions sessions = new Sessions();
        InetSocketAddress serving = new InetSocketAddress(config.coap().bind(), config.coap().port());
        this.coap = CoapGatewayServer.start(serving, config.coap().loopbackPort(), carerKeys, sessions, new Handlers(), new Local());
        this.toCarers = CoapAlertChannel.open(serving.getAddress(), carerKeys, sessions);
        machine.addObserver((alert, entry) -> coap.changed());
        // The care hub's uplink, when this home has one: carers through it are reached over it.
        this.uplink = hub.map(h -> HubUplink.open(h.uri(), h.identity(), secrets.hubKey().orElseThrow().key(),
                config.home().label(), loop, h.heartbeat())).orElse(null);
        AlertChannel channel = uplink == null ? toCarers : new RoutedChannel(toCarers, uplink);
        this.outbox = new OutboxDispatcher(alerts, ladder, channel, loop, machine, config.home().label(), reachability);
        machine.addObserver(outbox);
        this.heartbeats = new Heartbeats(ladder, channel, loop, config.home().label(), config.heartbeatInterval(), reachability);
        reachability.onChange(coap::changed);
        sessions.onRestarted(identity -> loop.execute(() -> ladder.carers().stream()
                .filter(c -> c.identity().equals(identity)).forEach(c -> outbox.retryNow(c.name()))));
        onLoop(() -> {
            voice.connect(new GatewayAlarmPort(machine, ladder));
            machine.recover();
            healthAlerts.afterRestart(alerts.open());
            outbox.wake();
            return null;
        });

        // 4. Sensors, last: their events need everything above. A sensor that cannot be opened is
        //    reported OFFLINE and raises a "needs attention" alert; the daemon runs on without it.
        this.supervisor = new HealthSupervisor(loop, event -> loop.execute(() -> healthAlerts.onHealth(event)));
        // "Pendant not worn" reads the home's movement and the pendants' samples (docs/sensors.md, "Not worn").
        this.notWorn = new NotWornWatch(loop, supervisor, config.pendants(), config.detection().nightStart(),
                config.detection().nightEnd());
        // The care hub: events of its alerts, the summary, and what it sends down.
        this.summary = new HomeSummarySource(config.home().label(), loop, supervisor::snapshot, activity::status,
                () -> alerts.open().size());
        if (uplink != null) {
            List<String> viaHub = ladder.carers().stream().filter(Carer::viaHub).map(Carer::name).toList();
            HubEvents hubEvents = new HubEvents(alerts, uplink, loop, viaHub);
            machine.addObserver(hubEvents);
            this.summaries = new HomeSummaries(summary, uplink, loop);
            HubDown down = new HubDown(machine, ladder, summaries::sendNow, uplink, loop);
            uplink.start(down::receive, () -> {
                hubEvents.retryNow();
                viaHub.forEach(outbox::retryNow);
            });
            loop.execute(hubEvents::wake);
        }
        config.sensors().forEach(s -> supervisor.watch(SupervisedSensor.digital(s)));
        SensorListener listener = supervisor.observing(event -> {
            tap.onEvent(event);
            notWorn.onEvent(event);
            gateway.onEvent(event);
            if (event.kind() == SensorKind.TALK_BUTTON && event.active()) {
                voice.talkButtonPressed();
            }
        });
        try {
            // GPIO that will not open (no chip, a pin claimed elsewhere) is OFFLINE and retried every minute.
            if (config.gpio() == GpioBackend.MOCK) {
                this.simulated = SimulatedHome.open(config.sensors(), loop, listener, supervisor);
                this.sensors = simulated;
            } else {
                this.sensors = DigitalSensors.open(config.gpio(), config.sensors(), loop, listener, supervisor);
            }
        } catch (GpioException e) {
            LOG.error("Sensors could not be opened: {}", e.getMessage());
            config.sensors().forEach(s -> supervisor.reportOffline(s.id(), HealthEvent.GPIO, e.getMessage()));
        }
        this.i2c = startI2c(config, gateway, new TemperatureWatch(thresholds.environment(), machine, loop));
        this.radars = startRadars(config, gateway, tap);
        this.pendants = startPendants(config, gateway, listener);
        supervisor.start();
        notWorn.start();
        sensorsStarted = true;

        // 5. Heartbeats tell the carers we are alive; retention runs daily.
        loop.execute(heartbeats::start);
        if (summaries != null) {
            loop.execute(summaries::start);
        }
        RetentionJob retention = new RetentionJob(new SqliteRetention(db), loop, config.storage().eventRetentionDays());
        loop.schedule(RetentionJob.FIRST_RUN, retention::run);

        // 6. Listening, once everything else works: loading a speech model takes a few seconds,
        //    and the pull cords must not wait for it.
        voice.listen(config.voice(), microphone);
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

    /**
     * Starts the I2C sensors on a thread of their own, so bus transfers never hold up the event
     * loop; their readings are posted to the loop. With the mock backend the chips are emulated.
     */
    private I2cSensors startI2c(HearthConfig config, Gateway gateway, TemperatureWatch temperature) {
        HearthConfig.I2c wanted = config.i2c();
        if (wanted.isEmpty()) {
            return null;
        }
        i2cLoop = RealTimeScheduler.create("hearth-i2c", config.home().zone());
        I2cBackend backend;
        if (config.gpio() == GpioBackend.MOCK) {
            SimulatedI2cBus bus = new SimulatedI2cBus(wanted.accelerometers().isEmpty() ? wanted.climate().get(0).bus()
                    : wanted.accelerometers().get(0).bus());
            wanted.accelerometers().forEach(a -> bus.attach(a.address(), new Adxl345Emulator(i2cLoop.clock())));
            wanted.climate().forEach(c -> bus.attach(c.address(), c.chip() == ClimateChip.BME280
                    ? new Bme280Emulator(i2cLoop.clock()) : new Sht31Emulator(i2cLoop.clock())));
            backend = I2cBackend.emulated(bus);
        } else {
            backend = I2cBackend.linuxFs();
        }
        I2cSensors sensors = I2cSensors.open(backend, i2cLoop, supervisor);
        for (AccelerometerSpec a : wanted.accelerometers()) {
            sensors.addAccelerometer(a, new SensorListener() {
                @Override
                public void onEvent(org.hearth.sensors.SensorEvent event) {
                    // accelerometers report sample batches only
                }

                @Override
                public void onAccel(String sensorId, List<AccelSample> batch) {
                    loop.execute(() -> gateway.onAccel(sensorId, batch));
                }
            });
        }
        for (ClimateSensorSpec c : wanted.climate()) {
            sensors.addClimate(c, r -> loop.execute(() -> {
                summary.temperature(r.room(), r.temperatureC());
                temperature.onReading(new TemperatureReading(r.sensorId(), r.room(), r.temperatureC(), r.at()));
            }));
        }
        return sensors;
    }

    /**
     * Starts the presence radars on a thread of their own, which polls their serial ports; what
     * they see is posted to the loop. With the mock backend each radar is a frame emulator
     * ({@link #simulatedRadar}), read through the same driver as a real module's tty, on the
     * event loop itself: reading an emulator never blocks, and the demo speeds the loop up, so
     * the driver's heartbeats must keep the loop's time or supervision, timed on the loop, would
     * find the module silent.
     */
    private Radars startRadars(HearthConfig config, Gateway gateway, SensorListener tap) {
        if (config.radars().isEmpty()) {
            return null;
        }
        SerialBackend backend = SerialBackend.tty();
        Scheduler reader = loop;
        if (config.gpio() != GpioBackend.MOCK) {
            serialLoop = RealTimeScheduler.create("hearth-serial", config.home().zone());
            reader = serialLoop;
        } else {
            Map<String, SerialPeer> devices = new LinkedHashMap<>();
            config.radars().forEach(r -> {
                Mr24hpc1Emulator module = new Mr24hpc1Emulator();
                simulatedRadars.put(r.id(), module);
                devices.put(r.device(), module);
            });
            backend = SerialBackend.emulated(devices);
        }
        Radars opened = Radars.open(backend, reader, supervisor);
        SensorListener toLoop = new SensorListener() {
            @Override
            public void onEvent(org.hearth.sensors.SensorEvent event) {
                // radars report presence only
            }

            @Override
            public void onPresence(PresenceEvent event) {
                loop.execute(() -> {
                    presence.put(event.sensorId(), event);
                    tap.onPresence(event);
                    notWorn.onPresence(event);
                    gateway.onPresence(event);
                });
            }
        };
        config.radars().forEach(r -> opened.add(r, toLoop));
        return opened;
    }

    /** A radar of the simulated home, to make it see someone; empty unless the GPIO backend is mock. */
    public Optional<Mr24hpc1Emulator> simulatedRadar(String id) {
        return Optional.ofNullable(simulatedRadars.get(id));
    }

    /**
     * Starts the BLE pendants on a thread of their own (D-Bus calls to BlueZ block); their samples
     * go to the fall detector and their button to {@code buttons}, as a help button's presses,
     * both posted to the loop. BlueZ is on the system bus whatever the GPIO backend.
     */
    private Pendants startPendants(HearthConfig config, Gateway gateway, SensorListener buttons) {
        if (config.pendants().isEmpty()) {
            return null;
        }
        bleLoop = RealTimeScheduler.create("hearth-ble", config.home().zone());
        Pendants opened = Pendants.onSystemBus(bleLoop, supervisor);
        SensorListener toLoop = new SensorListener() {
            @Override
            public void onEvent(org.hearth.sensors.SensorEvent event) {
                loop.execute(() -> buttons.onEvent(event));
            }

            @Override
            public void onAccel(String sensorId, List<AccelSample> batch) {
                loop.execute(() -> {
                    gateway.onAccel(sensorId, batch);
                    notWorn.onAccel(sensorId, batch);
                });
            }
        };
        config.pendants().forEach(p -> opened.add(p, toLoop));
        return opened;
    }

    /** The simulated home, when the config's GPIO backend is mock. */
    public SimulatedHome simulatedHome() {
        if (simulated == null) {
            throw new IllegalStateException("this daemon runs real GPIO, not a simulated home");
        }
        return simulated;
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
        closeQuietly(i2c, "I2C sensors");
        closeQuietly(i2cLoop, "I2C thread");
        closeQuietly(radars, "radars");
        closeQuietly(serialLoop, "serial thread");
        closeQuietly(pendants, "pendants");
        closeQuietly(bleLoop, "BLE thread");
        closeQuietly(notWorn, "not-worn watch");
        closeQuietly(supervisor, "sensor supervision");
        try {
            onLoop(heartbeats::stop).toCompletableFuture().get(3, TimeUnit.SECONDS);
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
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly: {}", what, e.getMessage());
        }
    }

    /** CoAP requests, answered on the event loop. */
    private final class Handlers implements GatewayHandlers {
        @Override
        public CompletionStage<GatewayStatus> status() {
            return CompletableFuture.supplyAsync(() -> new GatewayStatus(Protocol.VERSION, config.home().label(), loop.now(),
                    supervisor.snapshot().stream().map(h -> new GatewayStatus.SensorStatus(h.sensorId(), h.room(), h.kind(),
                            h.status().name(), h.reason(), h.lastEvent().orElse(null))).toList(),
                    openAlertList(), queued(), reachability.unreachableSince().orElse(null), presenceList()), loop::execute);
        }

        @Override
        public CompletionStage<OpenAlerts> openAlerts() {
            return CompletableFuture.supplyAsync(() -> new OpenAlerts(Protocol.VERSION, config.home().label(), openAlertList()),
                    loop::execute);
        }

        @Override
        public CompletionStage<AckResult> acknowledge(UUID alertId, String identity, String note) {
            return CompletableFuture.supplyAsync(() -> machine.acknowledge(alertId, identity, note), loop::execute);
        }

        @Override
        public CompletionStage<AckResult> resolve(UUID alertId, String identity, org.hearth.protocol.Down.Outcome outcome,
                                                  String note) {
            return CompletableFuture.supplyAsync(() -> machine.resolveFromDevice(alertId, identity, outcome, note), loop::execute);
        }
    }

    /** Messages still to send to carers who hold a key; a revoked carer's are kept but never sent. */
    private int queued() {
        return (int) alerts.pending().stream().filter(e -> activeKeys.containsKey(e.carer())).count();
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
            return CompletableFuture.supplyAsync(() -> {
                Secrets now;
                try {
                    now = ConfigLoader.loadSecrets(config.secretsFile());
                } catch (ConfigException e) {
                    throw new IllegalStateException("the secrets file is not valid: " + String.join("; ", e.errors()));
                }
                List<String> revoked = new ArrayList<>();
                for (var active : List.copyOf(activeKeys.entrySet())) {
                    String name = active.getKey();
                    if (!active.getValue().equals(now.forCarer(name).orElse(null))) {
                        carerKeys.revoke(active.getValue().identity());
                        outbox.stopSendingTo(name);
                        heartbeats.stopSendingTo(name);
                        activeKeys.remove(name);
                        revoked.add(name);
                        LOG.info("Carer {} was revoked: their key no longer works", name);
                    }
                }
                return revoked.isEmpty() ? "no key revoked" : "revoked: " + String.join(", ", revoked);
            }, loop::execute);
        }

        @Override
        public CompletionStage<UUID> testAlert() {
            return CompletableFuture.supplyAsync(() -> machine.raiseTest(
                    "TEST alert from the installer at " + config.home().label() + ". No action is needed.",
                    TEST_ALERT_WINDOW), loop::execute);
        }

        @Override
        public CompletionStage<java.time.Instant> startWalkTest() {
            return CompletableFuture.supplyAsync(walkTest::start, loop::execute);
        }

        @Override
        public CompletionStage<Boolean> finishWalkTest() {
            return CompletableFuture.supplyAsync(walkTest::finish, loop::execute);
        }

        @Override
        public boolean simulated() {
            return config.gpio() == GpioBackend.MOCK;
        }

        @Override
        public CompletionStage<Boolean> press(String sensorId) {
            return CompletableFuture.supplyAsync(() -> {
                if (simulated == null || simulated.specs().stream().noneMatch(s -> s.id().equals(sensorId))) {
                    return false;
                }
                simulated.pulse(sensorId);
                return true;
            }, loop::execute);
        }
    }

    private List<GatewayStatus.RadarPresence> presenceList() {
        return presence.values().stream().map(p -> new GatewayStatus.RadarPresence(p.sensorId(),
                GatewayStatus.Seen.valueOf(p.presence().name()), p.at())).toList();
    }

    private List<GatewayStatus.OpenAlert> openAlertList() {
        List<GatewayStatus.OpenAlert> out = new ArrayList<>();
        for (var a : alerts.open()) {
            out.add(new GatewayStatus.OpenAlert(a.id(), a.kind(), a.room(), a.createdAt(), a.state().name(), a.level()));
        }
        return out;
    }
}
