package org.hearth.protocol;

import java.util.List;

/**
 * The alerts not yet resolved: GET {@code /alerts} on the gateway (observable).
 *
 * @param v      protocol version
 * @param home   the home's label
 * @param alerts open alerts, oldest first
 */
public record OpenAlerts(int v, String home, List<GatewayStatus.OpenAlert> alerts) {

    public OpenAlerts {
        alerts = List.copyOf(alerts);
    }
}
