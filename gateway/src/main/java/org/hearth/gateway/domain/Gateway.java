package org.hearth.gateway.domain;

import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop's entry point for what the sensors report: store the event, then run every
 * detector. Call on the event loop only. A detector that throws is a bug; it is logged and the
 * others still run, because one broken rule must not silence the pull cord.
 */
public final class Gateway {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final EventStore events;
    private final List<Detector> detectors;

    public Gateway(EventStore events, List<Detector> detectors) {
        this.events = events;
        this.detectors = List.copyOf(detectors);
    }

    public void onEvent(SensorEvent event) {
        LOG.debug("Sensor {} {}", event.sensorId(), event.active() ? "active" : "idle");
        events.append(event);
        for (Detector d : detectors) {
            try {
                d.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("Detector {} failed on an event from {}", d.getClass().getSimpleName(), event.sensorId(), e);
            }
        }
    }

    public void onAccel(String sensorId, List<AccelSample> batch) {
        for (Detector d : detectors) {
            try {
                d.onAccel(sensorId, batch);
            } catch (RuntimeException e) {
                LOG.error("Detector {} failed on accelerometer data from {}", d.getClass().getSimpleName(), sensorId, e);
            }
        }
    }

    /** Not stored: a radar reports every change of motion, and the detectors keep what they need. */
    public void onPresence(PresenceEvent event) {
        LOG.debug("Radar {} sees {}", event.sensorId(), event.presence());
        for (Detector d : detectors) {
            try {
                d.onPresence(event);
            } catch (RuntimeException e) {
                LOG.error("Detector {} failed on a reading from {}", d.getClass().getSimpleName(), event.sensorId(), e);
            }
        }
    }
}
