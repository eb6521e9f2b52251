package org.hearth.gateway.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.gateway.domain.AuditEntry.Event;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sensor that goes quiet or fails silently disables the safety it provides, so a change for
 * the worse becomes a low-priority "sensor needs attention" alert for the first level of carers;
 * it never escalates, and the resident is not asked or alarmed.
 *
 * <p>Alerts are grouped by {@link HealthEvent#cause()}: one open alert per cause. Sensors failing
 * together in one turn of the loop (every pin, when GPIO will not open) are named in one alert;
 * a sensor failing later for a cause already open joins that alert. When every sensor of a cause
 * works again the alert closes itself ({@link Event#SENSOR_RECOVERED}); one a carer resolved is
 * forgotten, so a new failure raises a new alert. Call on the event loop.
 */
public final class SensorHealthAlerts implements AlertObserver {

    private static final Logger LOG = LoggerFactory.getLogger(SensorHealthAlerts.class);

    private final AlertMachine alerts;
    private final Scheduler loop;
    private final Wearers wearers;
    private final Map<String, Fault> faults = new LinkedHashMap<>();

    /** The sensors failing for one cause, and its alert once raised. */
    private static final class Fault {
        final Map<String, HealthEvent> sensors = new LinkedHashMap<>();
        /** How many sensors have failed for it in all. */
        int named;
        UUID alert;
    }

    public SensorHealthAlerts(AlertMachine alerts, Scheduler loop) {
        this(alerts, loop, Wearers.NONE);
    }

    /** A worn sensor's alert names its resident ("... (worn by Dad) needs attention"): its failure is about that person. */
    public SensorHealthAlerts(AlertMachine alerts, Scheduler loop, Wearers wearers) {
        this.alerts = alerts;
        this.loop = loop;
        this.wearers = wearers;
    }

    public void onHealth(HealthEvent event) {
        if (event.needsAttention()) {
            failed(event);
        } else if (event.current() == HealthStatus.ONLINE) {
            recovered(event);
        }
    }

    /**
     * After a restart: sensor-health alerts left open are closed, since every sensor is checked
     * again from the start and one still failing raises its alert afresh (the cause a stored
     * alert was for is not kept).
     */
    public void afterRestart(List<Alert> open) {
        open.stream().filter(a -> a.kind() == AlertKind.SENSOR_HEALTH).forEach(a -> alerts.resolve(a.id(), Event.RESOLVED,
                "Resolved by a restart: every sensor is checked again from the start."));
    }

    /** A carer resolved a sensor-health alert: its fault is forgotten. */
    @Override
    public void onTransition(Alert alert, AuditEntry entry) {
        if (entry.state() == AlertState.RESOLVED) {
            faults.values().removeIf(f -> alert.id().equals(f.alert));
        }
    }

    private void failed(HealthEvent event) {
        if (faultOf(event.sensorId()) != null) {
            return; // already in an open alert, and only worse now (SUSPECT, then OFFLINE)
        }
        Fault fault = faults.get(event.cause());
        if (fault == null) {
            Fault fresh = new Fault();
            faults.put(event.cause(), fresh);
            // Raised after the rest of this turn, so that the sensors failing together are named together.
            loop.execute(() -> raise(fresh));
            fault = fresh;
        } else if (fault.alert != null) {
            LOG.info("Sensor {} joins the open alert {} for the same cause: {}", event.sensorId(), fault.alert, event.describe());
        }
        fault.sensors.put(event.sensorId(), event);
        fault.named++;
    }

    private void raise(Fault fault) {
        if (fault.sensors.isEmpty() || !faults.containsValue(fault)) {
            return; // recovered before it was raised
        }
        List<HealthEvent> sensors = new ArrayList<>(fault.sensors.values());
        List<String> rooms = sensors.stream().map(HealthEvent::room).distinct().toList();
        String message = sensors.size() == 1
                ? "The " + plain(sensors.get(0)) + " needs attention: " + state(sensors.get(0)) + "."
                : sensors.size() + " sensors need attention, for one cause: " + sensors.stream()
                        .map(e -> "the " + plain(e) + ": " + state(e)).collect(Collectors.joining("; ")) + ".";
        fault.alert = alerts.raiseSensorHealth(new AlertRequest(AlertKind.SENSOR_HEALTH, Severity.ATTENTION,
                rooms.size() == 1 ? rooms.get(0) : "", message, false, false));
    }

    private void recovered(HealthEvent event) {
        var found = faults.entrySet().stream().filter(f -> f.getValue().sensors.containsKey(event.sensorId())).findFirst();
        if (found.isEmpty()) {
            return;
        }
        Fault fault = found.get().getValue();
        HealthEvent was = fault.sensors.remove(event.sensorId());
        if (!fault.sensors.isEmpty()) {
            LOG.info("Sensor {} works again; {} more for the same cause do not", event.sensorId(), fault.sensors.size());
            return;
        }
        faults.remove(found.get().getKey());
        if (fault.alert != null) {
            String which = fault.named == 1 ? "the " + plain(was) + " works again"
                    : "all " + fault.named + " sensors work again, the last the " + plain(was);
            alerts.resolve(fault.alert, Event.SENSOR_RECOVERED, "Closed by itself: " + which + " (" + event.reason() + ").");
        }
    }

    private Fault faultOf(String sensorId) {
        return faults.values().stream().filter(f -> f.sensors.containsKey(sensorId)).findFirst().orElse(null);
    }

    private String plain(HealthEvent e) {
        return e.kind().replace('_', ' ') + " sensor " + e.sensorId() + " in the " + e.room()
                + wearers.of(e.sensorId()).map(name -> " (worn by " + name + ")").orElse("");
    }

    private static String state(HealthEvent e) {
        return e.current() + " (" + e.reason() + ")";
    }
}
