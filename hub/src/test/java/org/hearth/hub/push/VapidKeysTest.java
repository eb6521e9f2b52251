package org.hearth.hub.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VAPID key file and the token made with it (RFC 8292). */
@Tag("small")
class VapidKeysTest {

    @TempDir
    Path dir;

    @Test
    void the_key_is_made_once_private_to_the_hub_and_the_same_after_a_restart() throws Exception {
        VapidKeys first = VapidKeys.loadOrCreate(dir, "https://hub.example.org:8443");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(VapidKeys.FILE)))).isEqualTo("rw-------");
        assertThat(P256.unbase64url(first.publicKey())).hasSize(65).startsWith((byte) 4);
        assertThat(VapidKeys.loadOrCreate(dir, "https://hub.example.org:8443").publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void a_damaged_file_is_refused_with_words_saying_what_to_do() throws Exception {
        VapidKeys.loadOrCreate(dir, "mailto:care@example.org");
        Path file = dir.resolve(VapidKeys.FILE);
        String text = Files.readString(file);
        Files.writeString(file, text.replaceAll("public=.*", "public=" + VapidKeys.loadOrCreate(dir.resolve("other"), "mailto:x@y").publicKey()));
        assertThatThrownBy(() -> VapidKeys.loadOrCreate(dir, "mailto:care@example.org")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged (its public key is not the private key's)").hasMessageContaining("Restore it from a backup");
        Files.writeString(file, "private=garbage\n");
        assertThatThrownBy(() -> VapidKeys.loadOrCreate(dir, "mailto:care@example.org")).hasMessageContaining("is damaged");
        assertThatThrownBy(() -> VapidKeys.loadOrCreate(dir, "care@example.org")).hasMessageContaining("mailto: or https:");
    }

    @Test
    void the_token_names_the_push_services_origin_expires_within_24_hours_and_is_signed_with_es256() throws Exception {
        VapidKeys keys = VapidKeys.loadOrCreate(dir, "https://hub.example.org:8443");
        Instant now = Instant.parse("2026-11-28T10:15:30Z");
        String header = keys.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc:def?x=1"), now);
        assertThat(header).startsWith("vapid t=").endsWith(", k=" + keys.publicKey());
        String[] jwt = header.substring("vapid t=".length(), header.indexOf(',')).split("\\.");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(P256.unbase64url(jwt[0])).toString()).isEqualTo("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        JsonNode claims = json.readTree(P256.unbase64url(jwt[1]));
        assertThat(claims.path("aud").asText()).isEqualTo("https://fcm.googleapis.com");
        assertThat(claims.path("sub").asText()).isEqualTo("https://hub.example.org:8443");
        assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 12 * 3600);
        byte[] signature = P256.unbase64url(jwt[2]);
        assertThat(signature).as("raw r || s").hasSize(64);
        Signature verify = Signature.getInstance("SHA256withECDSAinP1363Format");
        verify.initVerify(P256.decode(P256.unbase64url(keys.publicKey())));
        verify.update((jwt[0] + "." + jwt[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(verify.verify(signature)).isTrue();
    }
}
