package org.hearth.gateway.app.daemon;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.domain.AlertCore;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.KeyRing;
import org.hearth.transport.PskKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the carers reached directly, by name, on one {@link KeyRing} that the server's and
 * the channel's endpoints share. When the secrets file is read again (after {@code hearth pair
 * --revoke}), a key that is gone or changed is revoked on both, and nothing more is sent to its carer.
 */
final class DirectCarerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DirectCarerKeys.class);

    private final KeyRing ring;
    /** The keys the endpoints hold now, by carer name; revocation removes them. */
    private final Map<String, Secrets.CarerKey> active = new ConcurrentHashMap<>();

    /** Every carer in {@code direct} must have a key in {@code secrets}. */
    DirectCarerKeys(List<HearthConfig.CarerEntry> direct, Secrets secrets) {
        Map<InetSocketAddress, PskKey> keys = new LinkedHashMap<>();
        for (HearthConfig.CarerEntry c : direct) {
            Secrets.CarerKey key = secrets.forCarer(c.name()).orElseThrow();
            active.put(c.name(), key);
            keys.put(DtlsEndpoints.address(c.endpoint()), new PskKey(key.identity(), key.key()));
        }
        this.ring = KeyRing.of(keys);
    }

    KeyRing ring() {
        return ring;
    }

    /** Whether {@code carer} still holds a key: a revoked carer's messages are kept but never sent. */
    boolean holds(String carer) {
        return active.containsKey(carer);
    }

    /** Revokes every key {@code now} no longer holds as it was, on the event loop; returns whose. */
    List<String> revokeChanged(Secrets now, AlertCore core) {
        List<String> revoked = new ArrayList<>();
        for (var entry : List.copyOf(active.entrySet())) {
            String name = entry.getKey();
            if (!entry.getValue().equals(now.forCarer(name).orElse(null))) {
                ring.revoke(entry.getValue().identity());
                core.outbox().stopSendingTo(name);
                core.heartbeats().stopSendingTo(name);
                active.remove(name);
                revoked.add(name);
                LOG.info("Carer {} was revoked: their key no longer works", name);
            }
        }
        return revoked;
    }
}
