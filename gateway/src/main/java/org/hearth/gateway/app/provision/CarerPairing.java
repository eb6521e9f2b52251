package org.hearth.gateway.app.provision;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.protocol.PairingCode;

/**
 * What pairing a carer's device takes, shared by {@code hearth pair} and {@code hearth provision}:
 * a fresh identity and 128-bit key, the gateway's address as the carer's device will see it, and
 * the pairing code their {@code hearth-carer enroll} reads from the QR code.
 */
public final class CarerPairing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CarerPairing() {
    }

    /** A new identity (a readable prefix from the name, then four hex digits) and a new random key. */
    public static Secrets.CarerKey newKey(String name) {
        byte[] key = new byte[PairingCode.KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return new Secrets.CarerKey(slug(name) + "-" + HexFormat.of().formatHex(suffix), key);
    }

    /** The text of the QR code: where the gateway is, who the carer is, and their key. */
    public static PairingCode code(URI gateway, String name, Secrets.CarerKey key) {
        return new PairingCode(gateway, name, key.identity(), key.key());
    }

    /** The QR code, drawn for a terminal with a dark background. */
    public static String terminalQr(PairingCode code) {
        return PairingQr.of(code.text()).terminal();
    }

    /** The gateway's address as a carer's device on the home network will see it. */
    public static URI gatewayUri(HearthConfig.Coap coap) throws IOException {
        String host = coap.bind();
        InetAddress bind = InetAddress.getByName(host);
        if (bind.isAnyLocalAddress()) {
            host = siteLocalAddress().orElseThrow(() -> new IOException(
                    "cannot tell this gateway's address on the home network; pass --gateway coaps://ADDRESS:" + coap.port()))
                    .getHostAddress();
        }
        try {
            return new URI("coaps", null, host, coap.port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IOException("coap.bind \"" + host + "\" does not make a URI; pass --gateway", e);
        }
    }

    private static Optional<InetAddress> siteLocalAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    /** A readable identity prefix: lower-case letters and digits from the name, at most 16. */
    public static String slug(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
            if (out.length() == 16) {
                break;
            }
        }
        String s = out.toString().replaceAll("-+$", "");
        return s.isEmpty() ? "carer" : s;
    }
}
