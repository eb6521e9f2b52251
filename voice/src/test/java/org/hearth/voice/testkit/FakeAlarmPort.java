package org.hearth.voice.testkit;

import java.time.Duration;
import java.util.Optional;
import org.hearth.time.Scheduler;
import org.hearth.voice.AlarmPort;

/**
 * The gateway's alarm side as the assistant sees it: counts help requests and carer calls, and can
 * open a pre-alarm that raises an alert when its window runs out unless cancelled.
 */
public final class FakeAlarmPort implements AlarmPort {

    private final Optional<String> carer;
    private int helpRaised;
    private int carerCalls;
    private int cancels;
    private int alertsFromPreAlarm;
    private Scheduler.Cancellable preAlarm;
    private final java.util.List<String> missedReminders = new java.util.ArrayList<>();

    public FakeAlarmPort(Optional<String> carer) {
        this.carer = carer;
    }

    public FakeAlarmPort() {
        this(Optional.of("Priya"));
    }

    /** Opens a pre-alarm on {@code scheduler}: after {@code window} it becomes an alert. */
    public void openPreAlarm(Scheduler scheduler, Duration window) {
        preAlarm = scheduler.schedule(window, () -> {
            alertsFromPreAlarm++;
            preAlarm = null;
        });
    }

    public boolean preAlarmOpen() {
        return preAlarm != null;
    }

    @Override
    public void raiseHelp() {
        helpRaised++;
    }

    @Override
    public boolean cancelPreAlarm() {
        if (preAlarm == null) {
            return false;
        }
        preAlarm.cancel();
        preAlarm = null;
        cancels++;
        return true;
    }

    @Override
    public Optional<String> callCarer() {
        carerCalls++;
        return carer;
    }

    @Override
    public void reminderMissed(Optional<String> task) {
        missedReminders.add(task.orElse(""));
    }

    /** The tasks of the daily reminders the carer was told were missed, "" for one with no task. */
    public java.util.List<String> missedReminders() {
        return java.util.List.copyOf(missedReminders);
    }

    public int helpRaised() {
        return helpRaised;
    }

    public int carerCalls() {
        return carerCalls;
    }

    public int cancels() {
        return cancels;
    }

    public int alertsFromPreAlarm() {
        return alertsFromPreAlarm;
    }
}
