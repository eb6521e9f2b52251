package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indoor temperature outside safe limits for too long: below 16 °C or above 27 °C for more than
 * an hour (by default) raises an ENVIRONMENT alert, straight to the carers (there is nothing for
 * the resident to cancel; the home is cold whether or not they are all right).
 *
 * <p>Hysteresis: a spell below the low limit starts at the first reading under it and ends only
 * at a reading at least {@code hysteresisC} above it. A temperature hovering around 16 °C is one
 * spell, one alert, not a new hour and a new alert at every wobble.
 */
public final class TemperatureWatch {

    private static final Logger LOG = LoggerFactory.getLogger(TemperatureWatch.class);

    private final ActivityParameters.Environment params;
    private final AlertSink sink;
    private final Scheduler scheduler;
    private final Map<String, Spell> spells = new HashMap<>();

    public TemperatureWatch(ActivityParameters.Environment params, AlertSink sink, Scheduler scheduler) {
        this.params = params;
        this.sink = sink;
        this.scheduler = scheduler;
    }

    private enum Band { COLD, HOT }

    private static final class Spell {
        final Band band;
        final Instant since;
        TemperatureReading latest;
        Scheduler.Cancellable timer;
        boolean alerted;

        Spell(Band band, TemperatureReading first) {
            this.band = band;
            this.since = first.at();
            this.latest = first;
        }
    }

    public void onReading(TemperatureReading r) {
        Spell spell = spells.get(r.sensorId());
        if (spell != null) {
            if (!over(spell.band, r)) {
                spell.latest = r;
                return;
            }
            end(spell, r);
            spells.remove(r.sensorId());
        }
        Band band = r.celsius() < params.lowC() ? Band.COLD : r.celsius() > params.highC() ? Band.HOT : null;
        if (band != null) {
            Spell started = new Spell(band, r);
            spells.put(r.sensorId(), started);
            started.timer = scheduler.schedule(params.after(), () -> lasted(started));
        }
    }

    /** True when {@code r} is back inside the limits by at least the hysteresis. */
    private boolean over(Band band, TemperatureReading r) {
        return band == Band.COLD ? r.celsius() >= params.lowC() + params.hysteresisC()
                : r.celsius() <= params.highC() - params.hysteresisC();
    }

    private void end(Spell spell, TemperatureReading r) {
        spell.timer.cancel();
        if (spell.alerted) {
            LOG.info("The {} is back to {} after being too {} since {}", r.room(), celsius(r.celsius()),
                    spell.band == Band.COLD ? "cold" : "warm", spell.since);
        }
    }

    private void lasted(Spell spell) {
        if (spells.get(spell.latest.sensorId()) != spell || spell.alerted) {
            return;
        }
        spell.alerted = true;
        TemperatureReading r = spell.latest;
        Instant now = scheduler.now();
        boolean cold = spell.band == Band.COLD;
        String message = "It has been too " + (cold ? "cold" : "warm") + " in " + Wording.the(r.room()) + " since "
                + Wording.at(spell.since, now, scheduler.clock().getZone()) + " (" + Wording.duration(Duration.between(spell.since, now))
                + "): " + (cold ? "below " + celsius(params.lowC()) : "above " + celsius(params.highC())) + ", now "
                + celsius(r.celsius()) + ".";
        sink.raise(new AlertRequest(AlertKind.ENVIRONMENT, Severity.ATTENTION, r.room(), message, false, false));
    }

    private static String celsius(double c) {
        return String.format(Locale.ROOT, "%.1f °C", c);
    }
}
