package org.hearth.gateway.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One message waiting to reach one carer. Written in the same transaction as the state change
 * that caused it, so nothing is lost between deciding and sending.
 *
 * @param seq     store-assigned order; per carer, messages go out in this order
 * @param alertId the alert
 * @param carer   the carer's name
 * @param level   the escalation level this copy was sent for
 * @param created when it was queued
 */
public record OutboxEntry(long seq, UUID alertId, String carer, int level, Instant created) {
}
