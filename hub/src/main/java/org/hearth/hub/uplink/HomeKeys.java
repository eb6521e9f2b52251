package org.hearth.hub.uplink;

import java.net.InetSocketAddress;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateways' pre-shared keys, looked up in the store at every handshake: a home added while the
 * hub runs is served at once, a removed home's identity is refused at its next handshake. The hub
 * only answers handshakes, so it never offers an identity of its own.
 */
final class HomeKeys implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(HomeKeys.class);

    private final HubStore store;

    HomeKeys(HubStore store) {
        this.store = store;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation identity,
                                                  String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
                                                  boolean useExtendedMasterSecret) {
        Optional<Home> home;
        try {
            home = store.homeByIdentity(identity.getPublicInfoAsString());
        } catch (StoreException e) {
            LOG.warn("Cannot look up the key of {}: {}; the handshake is refused and the gateway will retry",
                    identity.getPublicInfoAsString(), e.getMessage());
            home = Optional.empty();
        }
        // No key: Scandium refuses the handshake with unknown_psk_identity.
        SecretKey secret = home.map(h -> SecretUtil.create(h.key(), PskSecretResult.ALGORITHM_PSK)).orElse(null);
        return new PskSecretResult(cid, identity, secret);
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null;
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // Answers are given at once, never later.
    }
}
