package org.hearth.gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hub:} section, {@code via: hub} carers and the hub's key in the secrets file. */
@Tag("small")
class HubConfigTest {

    @TempDir
    Path dir;

    private static final String SECRETS = """
            carers:
              Priya: {identity: priya-1, key: 000102030405060708090a0b0c0d0e0f}
            hub: {key: 0f0e0d0c0b0a09080706050403020100}
            """;

    private static final String VALID = """
            home: {label: Flat 12, language: en, timezone: Europe/London}
            storage: {data_dir: data}
            gpio: {backend: mock}
            sensors:
              - {id: cord, room: bathroom, kind: pull_cord, pin: 17}
            carers:
              - {name: Priya, level: 1, endpoint: "coaps://192.0.2.1:5684"}
              - {name: Tom, level: 1, via: hub}
            hub: {uri: "coaps://hub.example.org:5684", identity: home-h-12}
            secrets_file: secrets.yaml
            """;

    private ConfigLoader.Loaded load(String yaml, String secrets) throws Exception {
        PrivateFile.replace(dir.resolve("secrets.yaml"), secrets);
        Path file = dir.resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    @Test
    void a_hub_and_a_carer_through_it_are_read_with_the_documented_heartbeat() throws Exception {
        var loaded = load(VALID, SECRETS);
        var hub = loaded.config().hubUplink().orElseThrow();
        assertThat(hub.uri()).isEqualTo(URI.create("coaps://hub.example.org:5684"));
        assertThat(hub.identity()).isEqualTo("home-h-12");
        assertThat(hub.heartbeat()).isEqualTo(Duration.ofSeconds(25));
        assertThat(loaded.config().carers()).extracting(HearthConfig.CarerEntry::viaHub).containsExactly(false, true);
        assertThat(loaded.secrets().hubKey()).isPresent();
        assertThat(loaded.secrets().toString()).doesNotContain("0f0e0d");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void no_hub_section_means_no_uplink() throws Exception {
        var loaded = load(VALID.replace("  - {name: Tom, level: 1, via: hub}\n", "")
                .replace("hub: {uri: \"coaps://hub.example.org:5684\", identity: home-h-12}\n", ""), SECRETS);
        assertThat(loaded.config().hubUplink()).isEmpty();
    }

    @Test
    void every_bad_hub_setting_is_listed_at_once() {
        String bad = VALID.replace("hub: {uri: \"coaps://hub.example.org:5684\", identity: home-h-12}",
                        "hub: {uri: \"https://hub.example.org/api\", heartbeat: soon, colour: red}")
                .replace("{name: Tom, level: 1, via: hub}", "{name: Tom, level: 1, via: pigeon}");
        assertThatThrownBy(() -> load(bad, SECRETS)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactlyInAnyOrder(
                        "hub.colour: unknown setting; expected one of uri, identity, heartbeat",
                        "hub.uri: must be a coaps:// URI with a host and no path, such as coaps://hub.example.org:5684,"
                                + " was \"https://hub.example.org/api\"",
                        "hub.identity: is required",
                        "hub.heartbeat: not a duration: \"soon\"; write it like 20ms, 30s, 5m, 2h or 30d",
                        "carers[1].via: the only way is \"hub\", was \"pigeon\"; a carer reached directly has an endpoint instead"));
    }

    @Test
    void a_carer_through_the_hub_needs_the_hub_and_not_an_endpoint_as_well() {
        String noHub = VALID.replace("hub: {uri: \"coaps://hub.example.org:5684\", identity: home-h-12}\n", "")
                .replace("  - {name: Tom, level: 1, via: hub}\n", "  - {name: Tom, level: 1, via: hub}\n"
                        + "  - {name: Ann, level: 2, via: hub, endpoint: \"coaps://192.0.2.2\"}\n");
        assertThatThrownBy(() -> load(noHub, SECRETS)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactlyInAnyOrder(
                        "carers[2]: has both via and endpoint; a carer is reached either through the hub or at their own endpoint",
                        "carers[1].via: \"hub\" needs a hub: section with the hub's uri and this home's identity"));
    }

    @Test
    void a_hub_without_its_key_or_with_a_short_one_is_refused() {
        assertThatThrownBy(() -> load(VALID, SECRETS.replace("hub: {key: 0f0e0d0c0b0a09080706050403020100}\n", "")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).singleElement().asString()
                        .startsWith("secrets.hub.key: the config has a hub: section but the secrets file has no key for it"));
        assertThatThrownBy(() -> load(VALID, SECRETS.replace("0f0e0d0c0b0a09080706050403020100", "0f0e")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors())
                        .contains("secrets.hub.key: must be 16 bytes (32 hex digits), was 2 bytes"));
    }

    @Test
    void pairing_a_carer_keeps_the_hub_key() throws Exception {
        Path secrets = dir.resolve("secrets.yaml");
        PrivateFile.replace(secrets, SECRETS);
        SecretsFile.put(secrets, "Helpline", new Secrets.CarerKey("helpline-1", new byte[16]));
        SecretsFile.remove(secrets, "Priya");
        Secrets now = ConfigLoader.loadSecrets(secrets);
        assertThat(now.carers()).containsOnlyKeys("Helpline");
        assertThat(now.hubKey()).contains(new Secrets.HubKey(java.util.HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100")));
    }
}
