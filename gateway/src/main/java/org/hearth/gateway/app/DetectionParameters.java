package org.hearth.gateway.app;

import java.time.LocalTime;
import java.util.List;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.domain.activity.ActivityParameters;

/** The installer's thresholds from the config, laid over the detectors' documented defaults. */
final class DetectionParameters {

    /** Kitchen movement counts from this hour of the morning, as in the defaults. */
    private static final LocalTime DAY_START = LocalTime.of(4, 0);

    private DetectionParameters() {
    }

    static ActivityParameters of(HearthConfig.Detection d) {
        ActivityParameters std = ActivityParameters.defaults();
        return new ActivityParameters(
                new ActivityParameters.Rooms(std.rooms().kinds(), d.nightStart(), d.nightEnd()),
                std.longLie(), std.away(), std.routine(),
                List.of(new ActivityParameters.NoMotionBy("kitchen", d.kitchenMotionBy(), DAY_START)),
                List.of(new ActivityParameters.OccupiedTooLong("bathroom", d.bathroomMax())),
                std.doorAtNight(),
                new ActivityParameters.Environment(d.temperatureLowC(), d.temperatureHighC(),
                        std.environment().after(), std.environment().hysteresisC()));
    }
}
