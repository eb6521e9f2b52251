package org.hearth.gateway.app.daemon;

import java.util.List;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.domain.activity.ActivityParameters;

/**
 * The installer's thresholds from the config, laid over the detectors' documented defaults
 * ({@link ActivityParameters#defaults()}, the one place they are written; the config's defaults
 * are read from there). Only the values change: the rules' rooms and the hour kitchen movement
 * counts from are the defaults' own.
 */
final class DetectionParameters {

    private DetectionParameters() {
    }

    static ActivityParameters of(HearthConfig.Detection d) {
        ActivityParameters std = ActivityParameters.defaults();
        ActivityParameters.NoMotionBy kitchen = std.noMotionBy().get(0);
        ActivityParameters.OccupiedTooLong bathroom = std.occupied().get(0);
        return new ActivityParameters(
                new ActivityParameters.Rooms(std.rooms().kinds(), d.nightStart(), d.nightEnd()),
                std.longLie(), std.away(), std.routine(),
                List.of(new ActivityParameters.NoMotionBy(kitchen.room(), d.kitchenMotionBy(), kitchen.since())),
                List.of(new ActivityParameters.OccupiedTooLong(bathroom.room(), d.bathroomMax())),
                std.doorAtNight(),
                new ActivityParameters.Environment(d.temperatureLowC(), d.temperatureHighC(),
                        std.environment().after(), std.environment().hysteresisC()));
    }
}
