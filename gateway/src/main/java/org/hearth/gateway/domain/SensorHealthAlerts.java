package org.hearth.gateway.domain;

import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.hearth.sensors.health.HealthEvent;

/**
 * A sensor that goes quiet or fails silently disables the safety it provides, so a change for
 * the worse becomes a low-priority "sensor needs attention" alert for the carers. The resident
 * is not asked or alarmed. Call on the event loop.
 */
public final class SensorHealthAlerts {

    private final AlertSink alerts;

    public SensorHealthAlerts(AlertSink alerts) {
        this.alerts = alerts;
    }

    public void onHealth(HealthEvent event) {
        if (!event.needsAttention()) {
            return;
        }
        alerts.raise(new AlertRequest(AlertKind.SENSOR_HEALTH, Severity.ATTENTION, event.room(),
                "The " + event.kind().replace('_', ' ') + " sensor " + event.sensorId() + " in the " + event.room()
                        + " needs attention: " + event.current() + " (" + event.reason() + ").",
                false, false));
    }
}
