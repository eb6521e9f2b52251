package org.hearth.hub.store;

/**
 * Something the hub holds for a home's gateway until the gateway has applied it.
 *
 * @param seq  counts per home from 1; the gateway deletes {@code /v1/down/{seq}} once applied
 * @param kind {@code ack}, {@code resolve}, {@code check_now} or {@code delivered}
 * @param body the entry's other fields, a JSON object without {@code seq} and {@code kind}
 */
public record DownEntry(long seq, String kind, String body) {
}
