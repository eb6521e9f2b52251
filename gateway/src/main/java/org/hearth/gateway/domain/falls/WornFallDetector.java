package org.hearth.gateway.domain.falls;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.Detector;
import org.hearth.gateway.domain.Wearers;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.SensorEvent;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FallDetector} for each worn accelerometer and turns a fall into an urgent FALL
 * alert that asks the resident first (a pre-alarm they can cancel), explained in plain words:
 * "A fall was detected at 14:02 (impact 3.4 g), followed by lying still." In a home of two the
 * wearable's resident is named: "A fall was detected on Dad's worn sensor at 14:02 (...)".
 * Called on the event loop only.
 */
public final class WornFallDetector implements Detector {

    private static final Logger LOG = LoggerFactory.getLogger(WornFallDetector.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AlertSink alerts;
    private final Scheduler scheduler;
    private final Wearers wearers;
    private final Map<String, FallDetector> bySensor = new HashMap<>();

    /** No wearable assigned to a resident (a home of one). */
    public WornFallDetector(AlertSink alerts, Scheduler scheduler) {
        this(alerts, scheduler, Wearers.NONE);
    }

    public WornFallDetector(AlertSink alerts, Scheduler scheduler, Wearers wearers) {
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.wearers = wearers;
    }

    @Override
    public void onEvent(SensorEvent event) {
        // Digital sensors carry no acceleration; a radar or mat fall output is DirectAlarms' job.
    }

    @Override
    public void onAccel(String sensorId, List<AccelSample> batch) {
        FallDetector detector = bySensor.computeIfAbsent(sensorId, id -> new FallDetector());
        for (int i = 0, n = batch.size(); i < n; i++) {
            AccelSample s = batch.get(i);
            if (detector.accept(s.epochMicros(), s.x(), s.y(), s.z())) {
                raise(sensorId, detector.lastFall());
            }
        }
    }

    private void raise(String sensorId, Fall fall) {
        LOG.debug("Fall on worn sensor {}: impact {} g, delta-v {} m/s, posture change {} degrees",
                sensorId, round1(fall.peakG()), round1(fall.deltaV()), Math.round(fall.postureChangeDeg()));
        alerts.raise(AlertRequest.urgent(AlertKind.FALL, "", explain(sensorId, fall), true));
    }

    /** The carer's explanation; the time is the impact's, on the home's clock. */
    String explain(String sensorId, Fall fall) {
        Instant impact = Instant.ofEpochSecond(Math.floorDiv(fall.impactMicros(), 1_000_000L),
                Math.floorMod(fall.impactMicros(), 1_000_000L) * 1_000L);
        String at = HH_MM.format(impact.atZone(scheduler.clock().getZone()));
        String whose = wearers.of(sensorId).map(name -> " on " + name + "'s worn sensor").orElse("");
        return "A fall was detected" + whose + " at " + at + " (impact " + round1(fall.peakG()) + " g), followed by lying still.";
    }

    private static String round1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
