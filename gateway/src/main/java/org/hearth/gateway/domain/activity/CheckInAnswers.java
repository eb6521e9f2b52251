package org.hearth.gateway.domain.activity;

import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertObserver;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.protocol.AlertKind;

/**
 * Tells the {@link ActivityWatch} when the resident cancels one of its check-ins, by watching the
 * alert state machine: a long-lie or inactivity pre-alarm resolved by the resident, known by its
 * typed event, never by the audit entry's words. Add it to the {@code AlertCore.Listeners}.
 */
public final class CheckInAnswers implements AlertObserver {

    private final ActivityWatch watch;

    public CheckInAnswers(ActivityWatch watch) {
        this.watch = watch;
    }

    @Override
    public void onTransition(Alert alert, AuditEntry entry) {
        boolean ours = alert.kind() == AlertKind.LONG_LIE || alert.kind() == AlertKind.INACTIVITY;
        if (ours && entry.event() == AuditEntry.Event.CANCELLED_BY_RESIDENT) {
            watch.residentAnswered("cancelled the " + alert.kind().name().toLowerCase(java.util.Locale.ROOT) + " check-in");
        }
    }
}
