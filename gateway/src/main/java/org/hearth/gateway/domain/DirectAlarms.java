package org.hearth.gateway.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.SensorEvent;
import org.hearth.time.Scheduler;

/**
 * Sensors that mean something at once. A pull cord or the help button is the resident asking
 * for help, so it skips the pre-alarm; pressed during a pre-alarm, it confirms it. A radar or mat
 * fall output might be wrong, so it asks first. The cancel button answers "I'm fine".
 */
public final class DirectAlarms implements Detector {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AlertMachine alerts;
    private final Scheduler scheduler;

    public DirectAlarms(AlertMachine alerts, Scheduler scheduler) {
        this.alerts = alerts;
        this.scheduler = scheduler;
    }

    @Override
    public void onEvent(SensorEvent event) {
        if (!event.active()) {
            return;
        }
        String at = HH_MM.format(event.at().atZone(zone()));
        switch (event.kind()) {
            case PULL_CORD -> alerts.raise(AlertRequest.urgent(AlertKind.HELP, event.room(),
                    "The pull cord in the " + event.room() + " was pulled at " + at + ".", false));
            case HELP_BUTTON -> alerts.help("help button", AlertRequest.urgent(AlertKind.HELP, event.room(),
                    "The help button in the " + event.room() + " was pressed at " + at + ".", false));
            case FALL_OUTPUT -> alerts.raise(AlertRequest.urgent(AlertKind.FALL, event.room(),
                    "The fall sensor in the " + event.room() + " detected a fall at " + at + ".", true));
            case CANCEL_BUTTON -> alerts.cancelPreAlarm("cancel button");
            default -> {
                // presence sensors feed the inactivity and long-lie detectors
            }
        }
    }

    private ZoneId zone() {
        return scheduler.clock().getZone();
    }
}
