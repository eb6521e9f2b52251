package org.hearth.gateway.app.daemon;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hearth.gateway.domain.AlertCore;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.Ladder;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.hearth.voice.AlarmPort;

/**
 * What the resident's spoken requests do to the alarms. Called on the event loop, where the
 * assistant runs, so it may touch the alert machine directly.
 *
 * <p>The resident's voice is made before the alert core (the core speaks through it) and acts on
 * the core: this port is given the core as a future, completed once the core is assembled, which
 * is before the loop runs anything the assistant does.
 */
final class GatewayAlarmPort implements AlarmPort {

    static final String HOW = "by voice";

    private final CompletableFuture<AlertCore> core;

    GatewayAlarmPort(CompletableFuture<AlertCore> core) {
        this.core = core;
    }

    /** Never blocks the loop: the core is always assembled before the assistant can act. */
    private AlertCore core() {
        AlertCore assembled = core.getNow(null);
        if (assembled == null) {
            throw new IllegalStateException("the alert core is not assembled yet");
        }
        return assembled;
    }

    private AlertMachine machine() {
        return core().machine();
    }

    /** "Help": an open pre-alarm is confirmed at once; otherwise a new alert skips the pre-alarm. */
    @Override
    public void raiseHelp() {
        machine().help(HOW, AlertRequest.urgent(AlertKind.HELP, "", "The resident called for help " + HOW + ".", false));
    }

    @Override
    public boolean cancelPreAlarm() {
        return machine().cancelPreAlarm(HOW);
    }

    /**
     * A non-urgent "please phone me" to the first level of the ladder. The resident hears the
     * carer's name when one person is there, "your carer" when several are.
     */
    @Override
    public Optional<String> callCarer() {
        Ladder ladder = core().ladder();
        List<Carer> first = ladder.nextLevel(0).map(ladder::atLevel).orElse(List.of());
        if (first.isEmpty()) {
            return Optional.empty();
        }
        machine().raise(new AlertRequest(AlertKind.CALL_REQUEST, Severity.INFO, "",
                "The resident asked " + HOW + " for a carer to phone them. Not an emergency.", false, false));
        return Optional.of(first.size() == 1 ? first.get(0).name() : "");
    }

    /**
     * A daily reminder rang out with no "done": an INFO alert to the first level, which the
     * machine never escalates. The task is the assistant's own wording, never a transcript.
     */
    @Override
    public void reminderMissed(Optional<String> task) {
        machine().raise(new AlertRequest(AlertKind.REMINDER_MISSED, Severity.INFO, "",
                task.map(t -> "The resident did not say done to the daily reminder to " + t + ".")
                        .orElse("The resident did not say done to a daily reminder.") + " Not an emergency.",
                false, false));
    }
}
