package org.hearth.gateway.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hearth.time.Scheduler;

/**
 * The alert core, assembled in one place from its ports: the carers' reachability, the alert
 * machine, the outbox, the heartbeats, the walk test, the "sensor needs attention" alerts and the
 * sensors that alarm at once. The Daemon, the testkit's {@code AlertHarness} and every test that
 * needs alerts build it here, the same way. Use it on the event loop only.
 *
 * <p>No part registers itself anywhere and none is wired after it is made. The cycles are broken
 * here, in the open:
 * <ul>
 *   <li>the machine tells the outbox when messages are queued, and the outbox tells the machine of
 *       each delivery: the outbox is made from the machine, which tells it through the core, first of all;</li>
 *   <li>parts made from the core that also hear it (check-in learning, the CoAP server's change
 *       notices, the hub's events) are added to the {@link Listeners} given to the constructor, a
 *       typed list made before the core.</li>
 * </ul>
 */
public final class AlertCore {

    /** What the core reaches the world through. */
    public record Ports(AlertStore store, Ladder ladder, AlertChannel channel, Scheduler scheduler, Announcer announcer) {
    }

    /**
     * @param home            the home's label, in every message to carers
     * @param preAlarm        how long the resident is asked before a pre-alarm is raised
     * @param heartbeat       how often carers hear that the gateway is alive
     * @param emergencyNumber what the resident is told to phone when no carer can be reached
     * @param unreachableAfter how long no carer may answer before the resident is told
     * @param ids             each new alert's id
     * @param wearers         whose each wearable is, named in its health alerts
     */
    public record Settings(String home, Duration preAlarm, Duration heartbeat, String emergencyNumber,
                           Duration unreachableAfter, Supplier<UUID> ids, Wearers wearers) {

        public Settings(String home, Duration preAlarm, Duration heartbeat, String emergencyNumber,
                        Duration unreachableAfter, Supplier<UUID> ids) {
            this(home, preAlarm, heartbeat, emergencyNumber, unreachableAfter, ids, Wearers.NONE);
        }

        /** Random ids, and {@link CarerReachability#DEFAULT_THRESHOLD}. */
        public static Settings of(String home, Duration preAlarm, Duration heartbeat, String emergencyNumber) {
            return new Settings(home, preAlarm, heartbeat, emergencyNumber, CarerReachability.DEFAULT_THRESHOLD, UUID::randomUUID);
        }

        /** The same settings with the residents' wearables assigned. */
        public Settings withWearers(Wearers newWearers) {
            return new Settings(home, preAlarm, heartbeat, emergencyNumber, unreachableAfter, ids, newWearers);
        }
    }

    /**
     * Who hears what the core does, besides its own parts: every audited transition, and every
     * change in whether carers can be reached. Made before the core and given to it whole; parts
     * that need the core to exist are added to it before the loop runs anything.
     */
    public static final class Listeners {
        private final List<AlertObserver> transitions = new ArrayList<>();
        private final List<CarerReachability.Listener> reachability = new ArrayList<>();

        public Listeners transitions(AlertObserver observer) {
            transitions.add(observer);
            return this;
        }

        public Listeners reachability(CarerReachability.Listener listener) {
            reachability.add(listener);
            return this;
        }
    }

    private final Ports ports;
    private final CarerReachability reachability;
    private final AlertMachine machine;
    private final OutboxDispatcher outbox;
    private final Heartbeats heartbeats;
    private final WalkTestMode walkTest;
    private final SensorHealthAlerts healthAlerts;
    private final DirectAlarms directAlarms;
    private final Listeners listeners;

    public AlertCore(Ports ports, Settings settings, Listeners listeners) {
        this.ports = ports;
        this.listeners = listeners;
        Scheduler loop = ports.scheduler();
        this.reachability = new CarerReachability(loop, ports.announcer(), settings.unreachableAfter(),
                settings.emergencyNumber(), since -> listeners.reachability.forEach(l -> l.reachabilityChanged(since)));
        this.machine = new AlertMachine(ports.store(), ports.ladder(), loop, ports.announcer(), settings.preAlarm(),
                settings.ids(), reachability, this::transition);
        this.outbox = new OutboxDispatcher(ports.store(), ports.ladder(), ports.channel(), loop, machine, settings.home(),
                reachability);
        this.heartbeats = new Heartbeats(ports.ladder(), ports.channel(), loop, settings.home(), settings.heartbeat(),
                reachability);
        this.walkTest = new WalkTestMode(loop, ports.announcer());
        this.healthAlerts = new SensorHealthAlerts(machine, loop, settings.wearers());
        this.directAlarms = new DirectAlarms(machine, loop, walkTest);
    }

    /** The core's own parts hear each transition first (the outbox, the health alerts), then the listeners. */
    private void transition(Alert alert, AuditEntry entry) {
        outbox.onTransition(alert, entry);
        healthAlerts.onTransition(alert, entry);
        listeners.transitions.forEach(o -> o.onTransition(alert, entry));
    }

    /**
     * After a start: re-arms every open alert's timers from the store, closes the sensor-health
     * alerts of the previous run and sends what the outbox still holds. Call on the loop, once.
     */
    public void recover() {
        machine.recover();
        healthAlerts.afterRestart(ports.store().open());
        outbox.wake();
    }

    public AlertMachine machine() {
        return machine;
    }

    public OutboxDispatcher outbox() {
        return outbox;
    }

    public Heartbeats heartbeats() {
        return heartbeats;
    }

    public CarerReachability reachability() {
        return reachability;
    }

    public WalkTestMode walkTest() {
        return walkTest;
    }

    public SensorHealthAlerts healthAlerts() {
        return healthAlerts;
    }

    /** Cords, buttons and fall outputs: the sensors that mean something at once. */
    public DirectAlarms directAlarms() {
        return directAlarms;
    }

    public Ladder ladder() {
        return ports.ladder();
    }

    public AlertStore store() {
        return ports.store();
    }
}
