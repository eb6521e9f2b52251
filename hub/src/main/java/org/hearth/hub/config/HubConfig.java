package org.hearth.hub.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's settings, read from {@code hub.yaml} by {@link HubConfigLoader}.
 *
 * @param uplink    where gateways reach the hub
 * @param heartbeat the heartbeat interval gateways are expected to keep
 * @param storage   where the hub keeps its data
 * @param http      the carers' HTTPS API; {@code hub.yaml} always has one (defaults apply), a hub
 *                  embedded in a test may have none
 */
public record HubConfig(Uplink uplink, Duration heartbeat, Storage storage, Optional<Http> http, Retention retention) {

    public HubConfig {
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(retention, "retention");
    }

    /** With the default retention. */
    public HubConfig(Uplink uplink, Duration heartbeat, Storage storage, Optional<Http> http) {
        this(uplink, heartbeat, storage, http, Retention.DEFAULT);
    }

    /** A hub without the HTTPS API: the uplink and the store only. */
    public HubConfig(Uplink uplink, Duration heartbeat, Storage storage) {
        this(uplink, heartbeat, storage, Optional.empty());
    }

    /**
     * How long the hub keeps what it no longer needs (docs/privacy.md, "Retention on the hub").
     *
     * @param history   a resolved alert, with its events and receipts, after the last thing heard of
     *                  it; entries the gateway applied, and GATEWAY SILENT and BACK, after they happened
     * @param accessLog a line of a home's access log
     */
    public record Retention(Duration history, Duration accessLog) {
        /** One year each, as the gateway keeps a resolved alert. */
        public static final Retention DEFAULT = new Retention(Duration.ofDays(365), Duration.ofDays(365));

        public Retention {
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(accessLog, "accessLog");
        }
    }

    /**
     * @param bind      the address the HTTPS server listens on
     * @param port      its TCP port
     * @param publicUrl the {@code https://} address carers' devices use, written into invite codes
     * @param tls       where the server's certificate comes from
     */
    public record Http(String bind, int port, URI publicUrl, Tls tls) {
    }

    /**
     * The HTTPS server's certificate: self-signed, made at first start in the data directory and
     * reused after; or a PKCS#12 file with its password in a file.
     */
    public record Tls(Optional<Path> pkcs12, Optional<Path> passwordFile) {

        public static Tls selfSigned() {
            return new Tls(Optional.empty(), Optional.empty());
        }

        public boolean isSelfSigned() {
            return pkcs12.isEmpty();
        }
    }

    /**
     * @param bind       the address the DTLS endpoint listens on
     * @param port       its UDP port
     * @param publicHost the host name gateways dial, written into pairing codes
     * @param cluster    this node's place in a cluster of hub nodes behind one UDP load balancer;
     *                   empty for a hub on its own
     */
    public record Uplink(String bind, int port, String publicHost, Optional<Cluster> cluster) {

        public Uplink {
            Objects.requireNonNull(cluster, "cluster");
        }

        /** A hub on its own. */
        public Uplink(String bind, int port, String publicHost) {
            this(bind, port, publicHost, Optional.empty());
        }
    }

    /**
     * Several hub nodes sharing one PostgreSQL store behind one UDP load balancer
     * (docs/hub-api.md, "A cluster of hub nodes").
     *
     * @param node  this node's id, 0 to 255, unique in the cluster: the first byte of every
     *              Connection ID it hands out
     * @param nodes every node's internal address by id, this node's included: IP addresses on a
     *              private network, where nodes forward each other's gateways' records
     */
    public record Cluster(int node, Map<Integer, InetSocketAddress> nodes) {

        public Cluster {
            nodes = Map.copyOf(nodes);
        }
    }

    /** Which store the hub uses. */
    public enum StoreKind { SQLITE, POSTGRESQL }

    /**
     * @param dataDir    the hub's own files (the SQLite database by default)
     * @param kind       SQLite in the data directory, or a PostgreSQL server
     * @param postgresql the server's settings when {@code kind} is POSTGRESQL
     */
    public record Storage(Path dataDir, StoreKind kind, Optional<Postgresql> postgresql) {

        /** The SQLite database file. */
        public Path sqliteFile() {
            return dataDir.resolve("hub.db");
        }
    }

    /**
     * @param url          a {@code jdbc:postgresql://} URL
     * @param user         the role the hub logs in as
     * @param passwordFile a file holding the password (mode 0600); read at start, never logged
     */
    public record Postgresql(String url, String user, Path passwordFile) {
    }
}
