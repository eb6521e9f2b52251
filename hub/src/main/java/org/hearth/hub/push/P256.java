package org.hearth.hub.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.Base64;

/** NIST P-256 keys as Web Push writes them: public keys as 65-byte uncompressed points, base64url without padding. */
final class P256 {

    static final ECParameterSpec PARAMS = params();
    static final int POINT_BYTES = 65;

    private P256() {
    }

    private static ECParameterSpec params() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(PARAMS);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    /** {@code 0x04 || x || y}, each coordinate 32 bytes. */
    static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[POINT_BYTES];
        out[0] = 4;
        fixed(key.getW().getAffineX(), out, 1);
        fixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void fixed(BigInteger n, byte[] out, int at) {
        byte[] b = n.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    /** A public key from its uncompressed point; refuses anything that is not a point on P-256. */
    static ECPublicKey decode(byte[] point) {
        if (point.length != POINT_BYTES || point[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed P-256 point (65 bytes starting 0x04)");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        BigInteger p = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
        BigInteger right = x.pow(3).add(PARAMS.getCurve().getA().multiply(x)).add(PARAMS.getCurve().getB()).mod(p);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !y.pow(2).mod(p).equals(right)) {
            throw new IllegalArgumentException("not a point on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key: " + e.getMessage(), e);
        }
    }

    /** A private key from its 32-byte scalar (for the RFC's example keys). */
    static ECPrivateKey privateKey(byte[] d) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Base64url with or without padding; also the standard alphabet, which some browsers' older code sent. */
    static byte[] unbase64url(String text) {
        return Base64.getUrlDecoder().decode(text.strip().replace('+', '-').replace('/', '_').replace("=", ""));
    }
}
