package org.hearth.hub.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** RFC 8291 against its own worked example (§5 and Appendix A, https://www.rfc-editor.org/rfc/rfc8291#appendix-A). */
@Tag("small")
class Aes128GcmTest {

    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String MESSAGE = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void the_rfcs_example_is_encrypted_byte_for_byte() {
        KeyPair sender = new KeyPair(P256.decode(P256.unbase64url(AS_PUBLIC)), P256.privateKey(P256.unbase64url(AS_PRIVATE)));
        byte[] out = Aes128Gcm.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), P256.decode(P256.unbase64url(UA_PUBLIC)),
                P256.unbase64url(AUTH), sender, P256.unbase64url(SALT), 0);
        assertThat(P256.base64url(out)).isEqualTo(MESSAGE);
    }

    @Test
    void padding_hides_the_length_and_a_fresh_key_and_salt_are_used_every_time() {
        byte[] auth = new byte[16];
        var ua = (java.security.interfaces.ECPublicKey) P256.generate().getPublic();
        byte[] a = Aes128Gcm.encrypt("short".getBytes(StandardCharsets.UTF_8), ua, auth, 128);
        byte[] b = Aes128Gcm.encrypt("a little longer".getBytes(StandardCharsets.UTF_8), ua, auth, 128);
        assertThat(a).hasSize(Aes128Gcm.HEADER_BYTES + 128 + 1 + 16).hasSameSizeAs(b);
        assertThat(java.util.Arrays.copyOf(a, 16)).as("salt").isNotEqualTo(java.util.Arrays.copyOf(b, 16));
        assertThat(java.util.Arrays.copyOfRange(a, 21, 86)).as("sender key").isNotEqualTo(java.util.Arrays.copyOfRange(b, 21, 86));
    }

    @Test
    void keys_that_are_not_p256_points_and_oversized_messages_are_refused() {
        byte[] off = P256.unbase64url(UA_PUBLIC);
        off[40] ^= 1;
        assertThatThrownBy(() -> P256.decode(off)).hasMessageContaining("not a point on P-256");
        assertThatThrownBy(() -> P256.decode(new byte[33])).hasMessageContaining("uncompressed");
        var ua = (java.security.interfaces.ECPublicKey) P256.generate().getPublic();
        assertThatThrownBy(() -> Aes128Gcm.encrypt(new byte[Aes128Gcm.MAX_PLAINTEXT + 1], ua, new byte[16], 1))
                .hasMessageContaining("at most");
        assertThat(Aes128Gcm.encrypt(new byte[Aes128Gcm.MAX_PLAINTEXT], ua, new byte[16], 128)).as("the largest fits 4096 bytes")
                .hasSize(4096);
    }
}
