package org.hearth.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("small")
class LocalTokenTest {

    @TempDir
    Path dir;

    @Test
    void a_token_matches_only_its_own_text() {
        LocalToken token = LocalToken.random();
        byte[] text = token.text().getBytes(StandardCharsets.US_ASCII);

        assertThat(token.text()).matches("[0-9a-f]{64}");
        assertThat(token.matches(text)).isTrue();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches(new byte[0])).isFalse();
        assertThat(token.matches(java.util.Arrays.copyOf(text, 63))).isFalse();
        assertThat(token.matches((token.text() + "0").getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(token.matches(LocalToken.random().text().getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(token.toString()).doesNotContain(token.text());
    }

    @Test
    void a_tool_reads_the_token_the_daemon_wrote_and_is_told_when_there_is_none() throws Exception {
        LocalToken token = LocalToken.random();
        Files.writeString(dir.resolve(LocalToken.FILE_NAME), token.text() + "\n");

        assertThat(LocalToken.read(dir).matches(token.text().getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThatThrownBy(() -> LocalToken.read(dir.resolve("elsewhere")))
                .hasMessageContaining("there is no local control token").hasMessageContaining("Hearth has not started");
    }
}
