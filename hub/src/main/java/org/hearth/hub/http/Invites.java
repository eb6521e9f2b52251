package org.hearth.hub.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.Invite;

/**
 * Carers' one-time invite codes: 8 characters from an alphabet without look-alikes, shown as
 * {@code 7KX4-2Q9M} (40 bits; with 5 tries a minute per address and 72 hours to live, guessing one
 * is hopeless). Only a code's SHA-256 is stored. The QR holds the link to the hub's app with the code
 * in the fragment, {@code https://hub.example.org/#enrol=7KX4-2Q9M}: any phone's camera opens it, and
 * the fragment never leaves the phone, so the code is in no server's or proxy's log. Earlier hubs'
 * QR text, {@code hearth:invite?v=1&hub=…&code=7KX4-2Q9M}, is still read when pasted.
 */
public final class Invites {

    public static final String PREFIX = "hearth:invite?";
    /** What precedes the code in the fragment of an invite link; the app's {@code app.js} reads the same. */
    public static final String FRAGMENT = "#enrol=";
    public static final Duration LIFETIME = Duration.ofHours(72);

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final Pattern CODE = Pattern.compile("([" + ALPHABET + "]{4})-?([" + ALPHABET + "]{4})");
    private static final Pattern CODE_FIELD = Pattern.compile("[?&]code=([^&]*)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Invites() {
    }

    /** Makes an invite to {@code homeId} for {@code carer} at {@code level}, stores its hash, and returns the code. */
    public static String issue(HubStore store, String homeId, String carer, int level, Instant now) {
        return issue(store, new Invite(homeId, carer, level, now, now.plus(LIFETIME)));
    }

    /** An operator's one-time code, to watch every home of {@code org}; valid as long as a carer's. */
    public static String issueOperator(HubStore store, String org, String name, Instant now) {
        return issue(store, Invite.operator(org, name, now, now.plus(LIFETIME)));
    }

    private static String issue(HubStore store, Invite invite) {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        store.addInvite(hash(code.toString()), invite);
        return code.toString();
    }

    /** The invite's link, which its QR code holds: the hub's app, the code in the fragment. */
    public static String link(URI hub, String code) {
        return hub.toString().replaceAll("/+$", "") + "/" + FRAGMENT + code;
    }

    /** The text earlier hubs put in the QR code, still printed for scripts that read it (e.g. {@code hearth demo}). */
    public static String qrText(URI hub, String code) {
        return PREFIX + "v=1&hub=" + URLEncoder.encode(hub.toString(), StandardCharsets.UTF_8) + "&code=" + code;
    }

    /**
     * The code in what a carer typed or scanned: the code alone (any case, dash optional,
     * spaces around ignored), an invite link, or an earlier hub's whole QR text; empty when it holds none.
     */
    static Optional<String> codeIn(String text) {
        String t = text.strip();
        int fragment = t.indexOf(FRAGMENT);
        if (fragment >= 0) {
            t = t.substring(fragment + FRAGMENT.length());
        } else if (t.startsWith(PREFIX)) {
            Matcher field = CODE_FIELD.matcher(t);
            if (!field.find()) {
                return Optional.empty();
            }
            t = field.group(1);
        }
        Matcher m = CODE.matcher(t.toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1) + "-" + m.group(2)) : Optional.empty();
    }

    /** The SHA-256 of a code (as {@link #codeIn} writes it) or of a device credential, in hex. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A fresh device credential: 256 random bits, base64url. */
    static String newCredential() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
