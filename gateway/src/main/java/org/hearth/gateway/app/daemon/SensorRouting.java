package org.hearth.gateway.app.daemon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.resident.ResidentVoice;
import org.hearth.gateway.domain.Gateway;
import org.hearth.gateway.domain.SensorRole;
import org.hearth.gateway.domain.activity.TemperatureReading;
import org.hearth.gateway.domain.activity.TemperatureWatch;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.ClimateListener;
import org.hearth.sensors.ClimateReading;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.NotWornWatch;

/**
 * Where every sensor report goes, in one place, on the event loop (every driver reaches it there,
 * see {@link SensorDrivers}). An event is given to the tap, stored and run through the detectors,
 * which act on the kinds whose {@link SensorRole} concerns them; the talk button also wakes the
 * resident's voice.
 * Accelerometer samples go to the detectors. A radar's reading is kept for {@code /status} and
 * given to the detectors. Events, radar readings and samples also go to the "pendant not worn"
 * watch, which needs to know both whether the home moves and whether the pendant does. A temperature goes to the home's summary and the temperature watch.
 */
final class SensorRouting implements SensorListener, ClimateListener {

    private final Gateway gateway;
    private final SensorListener tap;
    private final ResidentVoice voice;
    private final HomeSummarySource summary;
    private final TemperatureWatch temperature;
    private final NotWornWatch notWorn;
    /** What each radar saw last, by id. */
    private final Map<String, PresenceEvent> presence = new LinkedHashMap<>();

    /** @param tap sees every event and radar reading first: the demo's timeline and tests */
    SensorRouting(Gateway gateway, SensorListener tap, ResidentVoice voice, HomeSummarySource summary,
                  TemperatureWatch temperature, NotWornWatch notWorn) {
        this.gateway = gateway;
        this.tap = tap;
        this.voice = voice;
        this.summary = summary;
        this.temperature = temperature;
        this.notWorn = notWorn;
    }

    @Override
    public void onEvent(SensorEvent event) {
        tap.onEvent(event);
        notWorn.onEvent(event);
        gateway.onEvent(event);
        if (SensorRole.TALK.of(event.kind()) && event.active()) {
            voice.talkButtonPressed();
        }
    }

    @Override
    public void onAccel(String sensorId, List<AccelSample> batch) {
        gateway.onAccel(sensorId, batch);
        notWorn.onAccel(sensorId, batch);
    }

    @Override
    public void onPresence(PresenceEvent event) {
        presence.put(event.sensorId(), event);
        tap.onPresence(event);
        notWorn.onPresence(event);
        gateway.onPresence(event);
    }

    @Override
    public void onClimate(ClimateReading r) {
        summary.temperature(r.room(), r.temperatureC());
        temperature.onReading(new TemperatureReading(r.sensorId(), r.room(), r.temperatureC(), r.at()));
    }

    /** What each radar saw last, for {@code /status}. */
    List<GatewayStatus.RadarPresence> presence() {
        return presence.values().stream().map(p -> new GatewayStatus.RadarPresence(p.sensorId(),
                GatewayStatus.Seen.valueOf(p.presence().name()), p.at())).toList();
    }
}
