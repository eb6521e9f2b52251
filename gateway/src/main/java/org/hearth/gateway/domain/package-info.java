/**
 * The gateway's domain: sensor events in, detectors, the alert state machine, escalation and the
 * outbox. Pure code on one event-loop thread, with time from an injected
 * {@link org.hearth.time.Scheduler}. It reaches storage, the network and the resident only
 * through the role interfaces here ({@link org.hearth.gateway.domain.AlertStore},
 * {@link org.hearth.gateway.domain.AlertChannel}, {@link org.hearth.gateway.domain.Announcer}, ...);
 * it imports no Pi4J, Vosk, Californium or JDBC type (an ArchUnit rule checks).
 */
package org.hearth.gateway.domain;
