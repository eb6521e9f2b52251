package org.hearth.hub.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hub's VAPID key pair (RFC 8292): made at first start in the data directory ({@link #FILE},
 * mode 0600) and read at every later start, so subscriptions made against its public key stay
 * valid. Browsers bind a subscription to this key: a lost file means every device subscribes again.
 */
public final class VapidKeys {

    public static final String FILE = "vapid.key";
    /** RFC 8292 §2: at most 24 hours; less, so a clock a little fast at the push service still accepts it. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final String subject;

    VapidKeys(KeyPair pair, String subject) {
        this.privateKey = (ECPrivateKey) pair.getPrivate();
        this.publicKey = (ECPublicKey) pair.getPublic();
        this.subject = subject;
    }

    /**
     * The key pair in {@code dataDir}, made there if there is none. {@code subject} (RFC 8292 §2.1) is
     * how a push service's operator reaches the hub's: a {@code mailto:} or the hub's {@code https:} address.
     * A file that is not a key pair this hub wrote is refused with words saying what to do.
     */
    public static VapidKeys loadOrCreate(Path dataDir, String subject) {
        if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
            throw new IllegalArgumentException("the VAPID subject must be a mailto: or https: address, not " + subject);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                KeyPair pair = P256.generate();
                String text = "# The hub's VAPID key for Web Push (RFC 8292). Private: keep it 0600. Losing it means every\n"
                        + "# carer's device must subscribe again.\n"
                        + "private=" + P256.base64url(pair.getPrivate().getEncoded()) + "\n"
                        + "public=" + P256.base64url(P256.encode((ECPublicKey) pair.getPublic())) + "\n";
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                            text, StandardCharsets.US_ASCII);
                    return new VapidKeys(pair, subject);
                } catch (FileAlreadyExistsException raced) {
                    // Another process (the CLI) made it first: read theirs.
                }
            }
            return new VapidKeys(read(file), subject);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the VAPID key " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair read(Path file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(P256.unbase64url(required(fields, "private"))));
            ECPublicKey publicKey = P256.decode(P256.unbase64url(required(fields, "public")));
            KeyPair pair = new KeyPair(publicKey, privateKey);
            if (!matches(pair)) {
                throw new IllegalArgumentException("its public key is not the private key's");
            }
            return pair;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the VAPID key file " + file + " is damaged (" + e.getMessage() + "). Restore it from a"
                    + " backup; or move it away, and the hub makes a new key at its next start, after which every carer's device"
                    + " must open the app once to subscribe again", e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("no " + name + "= line");
        }
        return value;
    }

    private static boolean matches(KeyPair pair) throws GeneralSecurityException {
        byte[] probe = "hearth".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(pair.getPrivate());
        s.update(probe);
        byte[] signature = s.sign();
        s.initVerify(pair.getPublic());
        s.update(probe);
        return s.verify(signature);
    }

    /** The public key as {@code PushManager.subscribe} takes it ({@code applicationServerKey}): base64url of the point. */
    public String publicKey() {
        return P256.base64url(P256.encode(publicKey));
    }

    /**
     * The {@code Authorization} header for a push to {@code endpoint} (RFC 8292 §3):
     * {@code vapid t=JWT, k=KEY}, the JWT signed with ES256, for the endpoint's origin, valid
     * {@link #TOKEN_LIFETIME} from {@code now}.
     */
    String authorization(URI endpoint, Instant now) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        String header = P256.base64url("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = P256.base64url(("{\"aud\":\"" + audience + "\",\"exp\":" + now.plus(TOKEN_LIFETIME).getEpochSecond()
                + ",\"sub\":\"" + subject.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + claims;
        try {
            // JWS (RFC 7515, A.3) wants the raw r || s, which is what the P1363 format gives.
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(privateKey);
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return "vapid t=" + signed + "." + P256.base64url(s.sign()) + ", k=" + publicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the VAPID token: " + e.getMessage(), e);
        }
    }
}
