package org.hearth.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's health: GET {@code /status} (observable).
 *
 * @param v          protocol version
 * @param home       the home's label
 * @param at         when this status was taken
 * @param sensors    every configured sensor and its supervision status
 * @param openAlerts alerts not yet resolved
 * @param queued     outbox messages waiting for delivery
 * @param carersUnreachableSince when the gateway last began failing to reach any carer, if it
 *                   has reached none for the unreachable threshold (5 min); null while at least
 *                   one carer answers. Added within v1: optional on the wire, absent means null.
 * @param presence   what each presence radar last saw, one entry per radar that has reported since
 *                   the daemon started. Added within v1: optional on the wire, absent means none.
 */
public record GatewayStatus(int v, String home, Instant at, List<SensorStatus> sensors,
                            List<OpenAlert> openAlerts, int queued, Instant carersUnreachableSince,
                            List<RadarPresence> presence) {

    public GatewayStatus {
        sensors = List.copyOf(sensors);
        openAlerts = List.copyOf(openAlerts);
        presence = presence == null ? List.of() : List.copyOf(presence);
    }

    /** A status from a gateway without radars. */
    public GatewayStatus(int v, String home, Instant at, List<SensorStatus> sensors, List<OpenAlert> openAlerts, int queued,
                         Instant carersUnreachableSince) {
        this(v, home, at, sensors, openAlerts, queued, carersUnreachableSince, List.of());
    }

    /** A status while the carers are reachable. */
    public GatewayStatus(int v, String home, Instant at, List<SensorStatus> sensors, List<OpenAlert> openAlerts, int queued) {
        this(v, home, at, sensors, openAlerts, queued, null);
    }

    /** One sensor: {@code status} is ONLINE, SUSPECT or OFFLINE, with the reason in plain words. */
    public record SensorStatus(String id, String room, String kind, String status, String reason, Instant lastEvent) {
    }

    /** What a presence radar sees. */
    public enum Seen { NOBODY, STILL, MOVING }

    /**
     * A presence radar's latest reading.
     *
     * @param sensorId the radar's id, as in {@link #sensors()}
     * @param seen     what it sees
     * @param since    when it began to see that
     */
    public record RadarPresence(String sensorId, Seen seen, Instant since) {
    }

    /** One open alert and the state it is in. */
    public record OpenAlert(java.util.UUID id, AlertKind kind, String room, Instant raisedAt, String state, int level) {
    }
}
