package org.hearth.voice.cli;

import java.util.Optional;
import org.hearth.voice.AlarmPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For a one-shot {@code voice ask} without a running daemon: logs what would happen, does nothing. */
final class DryRunAlarmPort implements AlarmPort {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunAlarmPort.class);

    @Override
    public void raiseHelp() {
        LOG.info("Dry run: an alarm would be raised now");
    }

    @Override
    public boolean cancelPreAlarm() {
        LOG.info("Dry run: no pre-alarm is open to cancel");
        return false;
    }

    @Override
    public Optional<String> callCarer() {
        LOG.info("Dry run: no carer is messaged");
        return Optional.empty();
    }

    @Override
    public void reminderMissed(Optional<String> task) {
        LOG.info("Dry run: no carer is told of the missed reminder");
    }
}
