package org.hearth.gateway.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * The optional {@code hub:} section of hearth.yaml: the uplink to a care hub (docs/hub-api.md §2).
 * Its key is in the secrets file ({@link SecretsSection}). Errors go to the reader's list like
 * every other setting's.
 *
 * <p>The heartbeat's default of 25 s: measured home gateways drop a UDP binding that saw one
 * packet and no answer after as little as 30 s (Hätönen et al., IMC 2010), although RFC 4787
 * REQ-5 asks for at least 2 minutes; a heartbeat every 25 s keeps even those open, with room for
 * a late packet.
 */
final class HubSection {

    private HubSection() {
    }

    /** The hub, or null when there is none or it has errors (then recorded in {@code r}). */
    static HearthConfig.Hub read(ConfigReader r, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        r.known(node, "hub", Settings.HUB.key());
        int before = r.errorCount();
        URI uri = null;
        String text = r.get(node, Settings.HUB_URI);
        if (text != null) {
            try {
                uri = new URI(text);
                if (!"coaps".equals(uri.getScheme()) || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
                        && !uri.getPath().equals("/"))) {
                    r.error("hub.uri: must be a coaps:// URI with a host and no path, such as coaps://hub.example.org:5684,"
                            + " was \"" + text + "\"");
                }
            } catch (URISyntaxException e) {
                r.error("hub.uri: not a URI: \"" + text + "\"");
            }
        }
        String identity = r.get(node, Settings.HUB_IDENTITY);
        Duration heartbeat = r.get(node, Settings.HUB_HEARTBEAT);
        return r.errorCount() == before ? new HearthConfig.Hub(uri, identity, heartbeat) : null;
    }

    /** Carers marked {@code via: hub} need the section; their indexes name them in the errors. */
    static void checkCarers(ConfigReader r, List<HearthConfig.CarerEntry> carers, boolean hubPresent) {
        for (int i = 0; i < carers.size(); i++) {
            if (carers.get(i).viaHub() && !hubPresent) {
                r.error("carers[" + i + "].via: \"hub\" needs a hub: section with the hub's uri and this home's identity");
            }
        }
    }
}
