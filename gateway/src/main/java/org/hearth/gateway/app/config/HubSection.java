package org.hearth.gateway.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * The optional {@code hub:} section of hearth.yaml and its key in the secrets file: the uplink to
 * a care hub (docs/hub-api.md §2). Errors go to the loader's list like every other setting's.
 */
final class HubSection {

    /**
     * Measured home gateways drop a UDP binding that saw one packet and no answer after as little
     * as 30 s (Hätönen et al., IMC 2010), although RFC 4787 REQ-5 asks for at least 2 minutes; a
     * heartbeat every 25 s keeps even those open, with room for a late packet.
     */
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(25);
    static final Duration MIN_HEARTBEAT = Duration.ofSeconds(10);
    static final Duration MAX_HEARTBEAT = Duration.ofMinutes(5);

    private HubSection() {
    }

    /** The hub, or null when there is none or it has errors (then recorded in {@code loader}). */
    static HearthConfig.Hub read(ConfigLoader loader, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        loader.known(node, "hub", "uri", "identity", "heartbeat");
        int before = loader.errorCount();
        URI uri = null;
        String text = loader.requiredText(node, "hub.uri");
        if (text != null) {
            try {
                uri = new URI(text);
                if (!"coaps".equals(uri.getScheme()) || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
                        && !uri.getPath().equals("/"))) {
                    loader.error("hub.uri: must be a coaps:// URI with a host and no path, such as coaps://hub.example.org:5684,"
                            + " was \"" + text + "\"");
                }
            } catch (URISyntaxException e) {
                loader.error("hub.uri: not a URI: \"" + text + "\"");
            }
        }
        String identity = loader.requiredText(node, "hub.identity");
        Duration heartbeat = loader.duration(node, "hub.heartbeat", DEFAULT_HEARTBEAT, MIN_HEARTBEAT, MAX_HEARTBEAT);
        return loader.errorCount() == before ? new HearthConfig.Hub(uri, identity, heartbeat) : null;
    }

    /** Carers marked {@code via: hub} need the section; their indexes name them in the errors. */
    static void checkCarers(ConfigLoader loader, List<HearthConfig.CarerEntry> carers, boolean hubPresent) {
        for (int i = 0; i < carers.size(); i++) {
            if (carers.get(i).viaHub() && !hubPresent) {
                loader.error("carers[" + i + "].via: \"hub\" needs a hub: section with the hub's uri and this home's identity");
            }
        }
    }
}
