package org.hearth.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("small")
class HubConfigLoaderTest {

    @TempDir
    Path dir;

    Path write(String yaml) throws Exception {
        Path file = dir.resolve("hub.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void the_documented_example_loads_with_its_defaults() throws Exception {
        Path example = Path.of(System.getProperty("hearth.project.root", "..")).resolve("config/hub.example.yaml");
        HubConfig config = HubConfigLoader.load(example);
        assertThat(config.uplink().port()).isEqualTo(5684);
        assertThat(config.uplink().bind()).isEqualTo("0.0.0.0");
        assertThat(config.heartbeat()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.storage().kind()).isEqualTo(HubConfig.StoreKind.SQLITE);
        assertThat(config.storage().sqliteFile()).isEqualTo(Path.of("/var/lib/hearth-hub/hub.db"));
        assertThat(config.storage().postgresql()).isEmpty();
        HubConfig.Http http = config.http().orElseThrow();
        assertThat(http.bind()).isEqualTo("0.0.0.0");
        assertThat(http.port()).isEqualTo(8443);
        assertThat(http.publicUrl().toString()).startsWith("https://").endsWith(":8443");
        assertThat(http.tls().isSelfSigned()).isTrue();
    }

    @Test
    void https_settings_with_a_configured_certificate() throws Exception {
        Files.writeString(dir.resolve("https.p12"), "not read here");
        Files.writeString(dir.resolve("https-password"), "secret\n");
        HubConfig config = HubConfigLoader.load(write("""
                http:
                  bind: 127.0.0.1
                  port: 9443
                  public_url: https://hub.example.org
                  tls: {pkcs12: https.p12, password_file: https-password}
                """));
        HubConfig.Http http = config.http().orElseThrow();
        assertThat(http.bind()).isEqualTo("127.0.0.1");
        assertThat(http.port()).isEqualTo(9443);
        assertThat(http.publicUrl().toString()).isEqualTo("https://hub.example.org");
        assertThat(http.tls().isSelfSigned()).isFalse();
        assertThat(http.tls().pkcs12()).contains(dir.resolve("https.p12"));
        assertThat(http.tls().passwordFile()).contains(dir.resolve("https-password"));
    }

    @Test
    void bad_https_settings_are_all_listed() throws Exception {
        Path file = write("""
                http:
                  port: 0
                  public_url: http://hub.example.org
                  tls: {pkcs12: missing.p12, colour: red}
                """);
        assertThatThrownBy(() -> HubConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactlyInAnyOrder(
                        "http.port: must be a whole number from 1 to 65535, was 0",
                        "http.public_url: must be an https://HOST[:PORT] address, was http://hub.example.org",
                        "http.tls.colour: unknown setting; known here: pkcs12, password_file",
                        "http.tls.pkcs12: cannot read " + dir.resolve("missing.p12"),
                        "http.tls.password_file: required"));
        Path word = write("http: {tls: home-made}\n");
        assertThatThrownBy(() -> HubConfigLoader.load(word)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.tls: must be self-signed, or a mapping with pkcs12 and password_file");
    }

    @Test
    void postgresql_settings_are_read_with_paths_relative_to_the_file() throws Exception {
        Files.writeString(dir.resolve("pg-password"), "secret\n");
        HubConfig config = HubConfigLoader.load(write("""
                uplink: {port: 15684, public_host: hub.example.org}
                heartbeat: {interval: 2m}
                storage:
                  data_dir: data
                  store: postgresql
                  postgresql: {url: "jdbc:postgresql://db:5432/hub", user: hub, password_file: pg-password}
                """));
        assertThat(config.uplink().publicHost()).isEqualTo("hub.example.org");
        assertThat(config.heartbeat()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.storage().dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.storage().postgresql()).hasValueSatisfying(pg -> {
            assertThat(pg.url()).isEqualTo("jdbc:postgresql://db:5432/hub");
            assertThat(pg.passwordFile()).isEqualTo(dir.resolve("pg-password"));
        });
    }

    @Test
    void every_problem_is_listed_at_once() throws Exception {
        Path file = write("""
                uplink: {port: 70000, colour: blue}
                heartbeat: {interval: 5s}
                storage:
                  store: postgresql
                  postgresql: {url: "mysql://db", password_file: nowhere}
                retention: {history: 7d, access_log: forever, audio: 1d}
                extra: 1
                """);
        assertThatThrownBy(() -> HubConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactlyInAnyOrder(
                        "extra: unknown setting; known here: uplink, heartbeat, storage, http, retention",
                        "retention.audio: unknown setting; known here: history, access_log",
                        "retention.history: must be from 30d to 3650d, was 7d",
                        "retention.access_log: must be a duration like 30s, 5m or 1h, was forever",
                        "uplink.colour: unknown setting; known here: bind, port, public_host",
                        "uplink.port: must be a whole number from 1 to 65535, was 70000",
                        "heartbeat.interval: must be from 10s to 15m, was 5s",
                        "storage.postgresql.url: must start with jdbc:postgresql://, was mysql://db",
                        "storage.postgresql.user: required",
                        "storage.postgresql.password_file: cannot read " + dir.resolve("nowhere")));
    }

    @Test
    void a_missing_file_and_bad_yaml_are_told_plainly() throws Exception {
        assertThatThrownBy(() -> HubConfigLoader.load(dir.resolve("none.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("file not found");
        Path bad = write("uplink: [\n");
        assertThatThrownBy(() -> HubConfigLoader.load(bad)).isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
        Path store = write("storage: {store: mongodb}\n");
        assertThatThrownBy(() -> HubConfigLoader.load(store)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("storage.store: must be sqlite or postgresql, was mongodb");
    }

    @Test
    void retention_keeps_a_year_unless_told_and_reads_days() throws Exception {
        assertThat(HubConfigLoader.load(write("{}\n")).retention()).isEqualTo(HubConfig.Retention.DEFAULT);
        assertThat(HubConfig.Retention.DEFAULT.history()).isEqualTo(java.time.Duration.ofDays(365));
        HubConfig config = HubConfigLoader.load(write("retention: {history: 730d, access_log: 90d}\n"));
        assertThat(config.retention()).isEqualTo(new HubConfig.Retention(java.time.Duration.ofDays(730), java.time.Duration.ofDays(90)));
    }
}
