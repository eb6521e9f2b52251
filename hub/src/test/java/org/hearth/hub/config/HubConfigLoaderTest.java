package org.hearth.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
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
    void a_cluster_node_reads_its_id_and_every_node_s_internal_address() throws Exception {
        Files.writeString(dir.resolve("pg-password"), "secret\n");
        HubConfig config = HubConfigLoader.load(write("""
                uplink:
                  port: 5684
                  cluster:
                    node: 2
                    nodes:
                      1: 10.20.0.11:5784
                      2: "[fd00::12]:5784"
                storage:
                  store: postgresql
                  postgresql: {url: "jdbc:postgresql://db:5432/hub", user: hub, password_file: pg-password}
                """));
        assertThat(config.uplink().cluster()).hasValueSatisfying(c -> {
            assertThat(c.node()).isEqualTo(2);
            assertThat(c.nodes()).containsOnlyKeys(1, 2);
            assertThat(c.nodes().get(1)).isEqualTo(new InetSocketAddress("10.20.0.11", 5784));
            assertThat(c.nodes().get(2).getAddress().getHostAddress()).isEqualTo("fd00:0:0:0:0:0:0:12");
        });
        assertThat(HubConfigLoader.load(write("uplink: {port: 5684}\n")).uplink().cluster()).isEmpty();
    }

    @Test
    void a_bad_cluster_is_refused_with_every_problem_named() throws Exception {
        String ipPort = "must be IP:PORT (or [IPv6]:PORT) with a port from 1 to 65535, was ";
        Path file = write("""
                uplink:
                  cluster:
                    node: 300
                    nodes:
                      a: 10.0.0.1:5784
                      1: 8.8.8.8:5784
                      2: 10.0.0.2
                      3: 10.0.0.9:5784
                      4: 10.0.0.9:5784
                      5: db.internal:5784
                      6: 10.0.0.300:5784
                """);
        assertThatThrownBy(() -> HubConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactlyInAnyOrder(
                        "uplink.cluster.node: must be a whole number from 0 to 255, was 300",
                        "uplink.cluster.nodes.a: a node id must be a whole number from 0 to 255",
                        "uplink.cluster.nodes.1: 8.8.8.8 is not a private address; cluster traffic must stay on a private "
                                + "network (10/8, 172.16/12, 192.168/16, fc00::/7, link-local or loopback), see docs/hub-api.md",
                        "uplink.cluster.nodes.2: " + ipPort + "10.0.0.2",
                        "uplink.cluster.nodes.4: 10.0.0.9:5784 is another node's address too",
                        "uplink.cluster.nodes.5: " + ipPort + "db.internal:5784",
                        "uplink.cluster.nodes.6: " + ipPort + "10.0.0.300:5784",
                        "uplink.cluster: the nodes of a cluster share one store: set storage.store: postgresql"));

        Files.writeString(dir.resolve("pg-password"), "secret\n");
        String postgresql = """
                storage:
                  store: postgresql
                  postgresql: {url: "jdbc:postgresql://db:5432/hub", user: hub, password_file: pg-password}
                """;
        Path alone = write("uplink: {cluster: {nodes: {1: 10.0.0.1:5784}}}\n" + postgresql);
        assertThatThrownBy(() -> HubConfigLoader.load(alone)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactlyInAnyOrder(
                        "uplink.cluster.node: required, this node's id (0 to 255)",
                        "uplink.cluster.nodes: list every node of the cluster, this one included (at least 2), as ID: IP:PORT"));
        Path ports = write("uplink: {port: 5684, cluster: {node: 1, nodes: {1: 10.0.0.1:5684, 2: 10.0.0.2:5684}}}\n" + postgresql);
        assertThatThrownBy(() -> HubConfigLoader.load(ports)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactly(
                        "uplink.cluster.nodes.1: port 5684 is the uplink's own; give cluster traffic a port of its own (e.g. 5784)"));
        Path missing = write("uplink: {cluster: {node: 3, nodes: {1: 10.0.0.1:5784, 2: 10.0.0.2:5784}}}\n" + postgresql);
        assertThatThrownBy(() -> HubConfigLoader.load(missing)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsExactly(
                        "uplink.cluster.nodes: this node, 3, is not in the list"));
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
                        "uplink.colour: unknown setting; known here: bind, port, public_host, cluster",
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
