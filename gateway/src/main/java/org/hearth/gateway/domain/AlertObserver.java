package org.hearth.gateway.domain;

/** Hears every audited transition, for the demo's timeline, observers of {@code /alerts} and metrics. */
public interface AlertObserver {

    void onTransition(Alert alert, AuditEntry entry);
}
