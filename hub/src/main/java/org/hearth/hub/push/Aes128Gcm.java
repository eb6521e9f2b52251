package org.hearth.hub.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The message encryption of RFC 8291 ("Message Encryption for Web Push") in the {@code aes128gcm}
 * content coding of RFC 8188: ECDH on P-256 between a fresh key pair and the subscription's
 * {@code p256dh}, HKDF-SHA-256 with its {@code auth} secret, AES-128-GCM, one record. The header
 * carries the salt, the record size and the fresh public key as the key id.
 */
final class Aes128Gcm {

    static final int RECORD_SIZE = 4096;
    static final int AUTH_BYTES = 16;
    private static final int TAG_BYTES = 16;
    /** Header: salt 16, rs 4, idlen 1, key id 65. */
    static final int HEADER_BYTES = 16 + 4 + 1 + P256.POINT_BYTES;
    /**
     * The most plaintext (with padding) a message holds: RFC 8030 §7.2 has push services take bodies of
     * 4096 bytes, which must hold the header, the delimiter and the tag too.
     */
    static final int MAX_PLAINTEXT = 4096 - HEADER_BYTES - 1 - TAG_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes128Gcm() {
    }

    /** Encrypts with a fresh key pair and salt, padded to a multiple of {@code padTo} bytes so lengths tell little. */
    static byte[] encrypt(byte[] plaintext, ECPublicKey uaPublic, byte[] auth, int padTo) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        int padding = padTo <= 1 ? 0 : Math.min((padTo - plaintext.length % padTo) % padTo, MAX_PLAINTEXT - plaintext.length);
        return encrypt(plaintext, uaPublic, auth, P256.generate(), salt, Math.max(0, padding));
    }

    /** RFC 8291 §3.4 and §4 with the given sender keys and salt (the RFC's example gives both). */
    static byte[] encrypt(byte[] plaintext, ECPublicKey uaPublic, byte[] auth, KeyPair sender, byte[] salt, int padding) {
        if (auth.length != AUTH_BYTES) {
            throw new IllegalArgumentException("the auth secret must be 16 bytes");
        }
        if (plaintext.length + padding > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push message holds at most " + MAX_PLAINTEXT + " bytes");
        }
        try {
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(sender.getPrivate());
            ecdh.doPhase(uaPublic, true);
            byte[] secret = ecdh.generateSecret();
            byte[] asPublic = P256.encode((ECPublicKey) sender.getPublic());
            byte[] uaPoint = P256.encode(uaPublic);

            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPoint, asPublic);
            byte[] ikm = expand(hmac(auth, secret), keyInfo, 32);
            byte[] prk = hmac(salt, ikm);
            byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            // One record, so it is the last: the delimiter 0x02, then zero padding.
            byte[] record = new byte[plaintext.length + 1 + padding];
            System.arraycopy(plaintext, 0, record, 0, plaintext.length);
            record[plaintext.length] = 2;
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            byte[] sealed = gcm.doFinal(record);

            ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + sealed.length);
            out.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(sealed);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed: " + e.getMessage(), e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** HKDF-Expand (RFC 5869) for at most one block, which is all RFC 8291 needs. */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
