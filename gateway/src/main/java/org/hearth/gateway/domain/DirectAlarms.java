package org.hearth.gateway.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.SensorEvent;
import org.hearth.time.Scheduler;

/**
 * Sensors that mean something at once. A pull cord or the help button is the resident asking
 * for help, so it skips the pre-alarm; pressed during a pre-alarm, it confirms it. A radar or mat
 * fall output might be wrong, so it asks first. The cancel button answers "I'm fine". During a
 * walk test these are reported to the {@link WalkTestMode} instead, which calls for help only
 * when a cord or the help button is held down.
 */
public final class DirectAlarms implements Detector {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AlertMachine alerts;
    private final Scheduler scheduler;
    private final WalkTestMode walkTest;

    /** @param walkTest while it is on, cords and buttons are reported to it instead of alarming */
    public DirectAlarms(AlertMachine alerts, Scheduler scheduler, WalkTestMode walkTest) {
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.walkTest = walkTest;
    }

    @Override
    public void onEvent(SensorEvent event) {
        if (!SensorRole.ALARM.of(event.kind())) {
            return; // presence sensors feed the inactivity and long-lie detectors
        }
        if (walkTest.takes(event) || walkTest.counting(event)) {
            walkTest.report(event, () -> alarm(event, " It was held down during a walk test."));
        } else if (event.active()) {
            alarm(event, "");
        }
    }

    /** Worn accelerometers: during a walk test, a shake is reported as the sensor working. */
    @Override
    public void onAccel(String sensorId, java.util.List<org.hearth.sensors.AccelSample> batch) {
        walkTest.moved(sensorId, batch);
    }

    private void alarm(SensorEvent event, String note) {
        String at = HH_MM.format(event.at().atZone(zone()));
        switch (event.kind()) {
            case PULL_CORD -> alerts.raise(AlertRequest.urgent(AlertKind.HELP, event.room(),
                    "The pull cord in the " + event.room() + " was pulled at " + at + "." + note, false));
            case HELP_BUTTON -> alerts.help("help button", AlertRequest.urgent(AlertKind.HELP, event.room(),
                    "The help button in the " + event.room() + " was pressed at " + at + "." + note, false));
            case FALL_OUTPUT -> alerts.raise(AlertRequest.urgent(AlertKind.FALL, event.room(),
                    "The fall sensor in the " + event.room() + " detected a fall at " + at + ".", true));
            case CANCEL_BUTTON -> alerts.cancelPreAlarm("cancel button");
            default -> throw new IllegalStateException("not an alarm: " + event.kind());
        }
    }

    private ZoneId zone() {
        return scheduler.clock().getZone();
    }
}
