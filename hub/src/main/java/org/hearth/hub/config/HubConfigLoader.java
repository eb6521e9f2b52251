package org.hearth.hub.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hearth.time.Durations;

/**
 * Reads and validates {@code hub.yaml}. Every problem is collected, then all are refused together
 * as one {@link ConfigException}, so a operator fixes the file in one go.
 */
public final class HubConfigLoader {

    public static final int DEFAULT_PORT = org.hearth.protocol.Protocol.COAPS_PORT;
    public static final int DEFAULT_HTTP_PORT = 8443;
    /** The gateway's own default heartbeat interval (hearth.yaml {@code heartbeat.interval}). */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(60);
    public static final Duration HEARTBEAT_MIN = Duration.ofSeconds(10);
    public static final Duration HEARTBEAT_MAX = Duration.ofMinutes(15);
    /** Retention below a month would delete what a carer or a complaint may still need; above ten years is a typo. */
    public static final Duration RETENTION_MIN = Duration.ofDays(30);
    public static final Duration RETENTION_MAX = Duration.ofDays(3650);

    public static final int MAX_NODE_ID = org.hearth.transport.ClusterNodes.MAX_NODE_ID;
    /** An IPv4 address (digits and dots only, so no name is ever looked up) or a bracketed IPv6 one, then a port. */
    private static final java.util.regex.Pattern INTERNAL_ADDRESS =
            java.util.regex.Pattern.compile("(?:(\\d{1,3}(?:\\.\\d{1,3}){3})|\\[([0-9A-Fa-f:.]+)\\]):(\\d{1,5})");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<String> errors = new ArrayList<>();

    private HubConfigLoader() {
    }

    /** Loads and checks the file; relative paths in it are relative to the file. */
    public static HubConfig load(Path file) throws ConfigException {
        HubConfigLoader loader = new HubConfigLoader();
        HubConfig config = loader.read(file);
        if (!loader.errors.isEmpty()) {
            throw new ConfigException(loader.errors);
        }
        return config;
    }

    private HubConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            errors.add(file.getFileName() + ": file not found: " + file);
            return null;
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            errors.add(file.getFileName() + ": not valid YAML" + (loc == null ? "" : " at line " + loc.getLineNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            errors.add(file.getFileName() + ": cannot read " + file + ": " + e.getMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            errors.add(file.getFileName() + ": must be a YAML mapping of settings");
            return null;
        }
        Path base = file.toAbsolutePath().getParent();
        known(root, "", "uplink", "heartbeat", "storage", "http", "retention");

        JsonNode uplinkNode = object(root, "uplink");
        known(uplinkNode, "uplink", "bind", "port", "public_host", "cluster");
        String publicHost = text(uplinkNode, "uplink.public_host", null);
        String bind = text(uplinkNode, "uplink.bind", "0.0.0.0");
        int port = integer(uplinkNode, "uplink.port", DEFAULT_PORT, 1, 65535);
        Optional<HubConfig.Cluster> cluster = uplinkNode.has("cluster")
                ? Optional.of(cluster(object(uplinkNode, "uplink.cluster"), bind, port))
                : Optional.empty();
        HubConfig.Uplink uplink = new HubConfig.Uplink(bind, port, publicHost == null ? localHostName() : publicHost, cluster);

        JsonNode heartbeatNode = object(root, "heartbeat");
        known(heartbeatNode, "heartbeat", "interval");
        Duration heartbeat = duration(heartbeatNode, "heartbeat.interval", DEFAULT_HEARTBEAT, HEARTBEAT_MIN, HEARTBEAT_MAX);

        JsonNode storageNode = object(root, "storage");
        known(storageNode, "storage", "data_dir", "store", "postgresql");
        Path dataDir = base.resolve(text(storageNode, "storage.data_dir", "/var/lib/hearth-hub"));
        String kindName = text(storageNode, "storage.store", "sqlite");
        HubConfig.StoreKind kind = HubConfig.StoreKind.SQLITE;
        Optional<HubConfig.Postgresql> postgresql = Optional.empty();
        switch (kindName) {
            case "sqlite" -> {
                if (storageNode.has("postgresql")) {
                    errors.add("storage.postgresql: set only with store: postgresql");
                }
            }
            case "postgresql" -> {
                kind = HubConfig.StoreKind.POSTGRESQL;
                postgresql = Optional.of(postgresql(object(storageNode, "storage.postgresql"), base));
            }
            default -> errors.add("storage.store: must be sqlite or postgresql, was " + kindName);
        }
        if (cluster.isPresent() && kind != HubConfig.StoreKind.POSTGRESQL) {
            errors.add("uplink.cluster: the nodes of a cluster share one store: set storage.store: postgresql");
        }
        HubConfig.Http http = http(object(root, "http"), base);
        JsonNode retentionNode = object(root, "retention");
        known(retentionNode, "retention", "history", "access_log");
        HubConfig.Retention retention = new HubConfig.Retention(
                duration(retentionNode, "retention.history", HubConfig.Retention.DEFAULT.history(), RETENTION_MIN, RETENTION_MAX),
                duration(retentionNode, "retention.access_log", HubConfig.Retention.DEFAULT.accessLog(), RETENTION_MIN, RETENTION_MAX));
        return new HubConfig(uplink, heartbeat, new HubConfig.Storage(dataDir, kind, postgresql), Optional.of(http), retention);
    }

    /**
     * {@code uplink.cluster}: this node's id and every node's internal address. What arrives at an
     * internal address is taken as a gateway's own record, so those addresses must be private.
     */
    private HubConfig.Cluster cluster(JsonNode node, String bind, int uplinkPort) {
        known(node, "uplink.cluster", "node", "nodes");
        int self = integer(node, "uplink.cluster.node", -1, 0, MAX_NODE_ID);
        if (!node.has("node")) {
            errors.add("uplink.cluster.node: required, this node's id (0 to " + MAX_NODE_ID + ")");
        }
        JsonNode list = object(node, "uplink.cluster.nodes");
        Map<Integer, InetSocketAddress> nodes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "uplink.cluster.nodes." + entry.getKey();
            Integer id = nodeId(entry.getKey());
            if (id == null) {
                errors.add(path + ": a node id must be a whole number from 0 to " + MAX_NODE_ID);
                continue;
            }
            InetSocketAddress address = internalAddress(path, entry.getValue());
            if (address == null) {
                continue;
            }
            if (nodes.containsValue(address)) {
                errors.add(path + ": " + address.getHostString() + ":" + address.getPort() + " is another node's address too");
            }
            if (id == self && address.getPort() == uplinkPort
                    && (bind.equals("0.0.0.0") || bind.equals("::") || address.getAddress().getHostAddress().equals(bind))) {
                errors.add(path + ": port " + uplinkPort + " is the uplink's own; give cluster traffic a port of its own (e.g. "
                        + (uplinkPort + 100) + ")");
            }
            nodes.put(id, address);
        }
        if (list.size() < 2) {
            errors.add("uplink.cluster.nodes: list every node of the cluster, this one included (at least 2), as ID: IP:PORT");
        } else if (self >= 0 && !nodes.containsKey(self) && nodeIdsValid(list)) {
            errors.add("uplink.cluster.nodes: this node, " + self + ", is not in the list");
        }
        return new HubConfig.Cluster(self, nodes);
    }

    private static boolean nodeIdsValid(JsonNode list) {
        for (Iterator<String> it = list.fieldNames(); it.hasNext(); ) {
            if (nodeId(it.next()) == null) {
                return false;
            }
        }
        return true;
    }

    private static Integer nodeId(String key) {
        try {
            int id = Integer.parseInt(key.strip());
            return id >= 0 && id <= MAX_NODE_ID ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code IP:PORT} or {@code [IPv6]:PORT}, an IP address (never a name to look up) on a private network. */
    private InetSocketAddress internalAddress(String path, JsonNode value) {
        String text = value.isValueNode() ? value.asText().strip() : "";
        java.util.regex.Matcher m = INTERNAL_ADDRESS.matcher(text);
        int port = m.matches() ? parsePort(m.group(3)) : -1;
        if (port < 1 || (m.group(1) != null && !java.util.Arrays.stream(m.group(1).split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255))) {
            errors.add(path + ": must be IP:PORT (or [IPv6]:PORT) with a port from 1 to 65535, was " + value.asText());
            return null;
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(m.group(1) != null ? m.group(1) : m.group(2));
        } catch (UnknownHostException e) {
            errors.add(path + ": not an IP address: " + text);
            return null;
        }
        if (!isPrivate(ip)) {
            errors.add(path + ": " + ip.getHostAddress() + " is not a private address; cluster traffic must stay on a private "
                    + "network (10/8, 172.16/12, 192.168/16, fc00::/7, link-local or loopback), see docs/hub-api.md");
            return null;
        }
        return new InetSocketAddress(ip, port);
    }

    private static int parsePort(String digits) {
        int port = Integer.parseInt(digits);
        return port <= 65535 ? port : -1;
    }

    /** Private-use, link-local or loopback: never routed on the internet. */
    static boolean isPrivate(InetAddress ip) {
        boolean uniqueLocal = ip.getAddress().length == 16 && (ip.getAddress()[0] & 0xfe) == 0xfc;
        return ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || ip.isLoopbackAddress() || uniqueLocal;
    }

    private HubConfig.Http http(JsonNode node, Path base) {
        known(node, "http", "bind", "port", "public_url", "tls");
        int port = integer(node, "http.port", DEFAULT_HTTP_PORT, 1, 65535);
        String url = text(node, "http.public_url", null);
        URI publicUrl = URI.create("https://" + localHostName() + ":" + port);
        if (url != null) {
            try {
                URI u = new URI(url);
                if (!"https".equals(u.getScheme()) || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null) {
                    errors.add("http.public_url: must be an https://HOST[:PORT] address, was " + url);
                } else {
                    publicUrl = u;
                }
            } catch (URISyntaxException e) {
                errors.add("http.public_url: must be an https://HOST[:PORT] address, was " + url);
            }
        }
        return new HubConfig.Http(text(node, "http.bind", "0.0.0.0"), port, publicUrl, tls(node.path("tls"), base));
    }

    private HubConfig.Tls tls(JsonNode node, Path base) {
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().equals("self-signed"))) {
            return HubConfig.Tls.selfSigned();
        }
        if (!node.isObject()) {
            errors.add("http.tls: must be self-signed, or a mapping with pkcs12 and password_file");
            return HubConfig.Tls.selfSigned();
        }
        known(node, "http.tls", "pkcs12", "password_file");
        Path pkcs12 = readable(node, "http.tls.pkcs12", base);
        Path password = readable(node, "http.tls.password_file", base);
        return new HubConfig.Tls(Optional.ofNullable(pkcs12), Optional.ofNullable(password));
    }

    /** A required path, relative to the config file, that must be readable. */
    private Path readable(JsonNode node, String path, Path base) {
        String value = required(node, path);
        if (value == null) {
            return null;
        }
        Path file = base.resolve(value);
        if (!Files.isReadable(file)) {
            errors.add(path + ": cannot read " + file);
        }
        return file;
    }

    private HubConfig.Postgresql postgresql(JsonNode node, Path base) {
        known(node, "storage.postgresql", "url", "user", "password_file");
        String url = required(node, "storage.postgresql.url");
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            errors.add("storage.postgresql.url: must start with jdbc:postgresql://, was " + url);
        }
        String user = required(node, "storage.postgresql.user");
        return new HubConfig.Postgresql(url, user, readable(node, "storage.postgresql.password_file", base));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private JsonNode object(JsonNode parent, String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            errors.add(path + ": must be a mapping of settings");
            return MissingNode.getInstance();
        }
        return node;
    }

    private void known(JsonNode node, String path, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                errors.add((path.isEmpty() ? "" : path + ".") + key + ": unknown setting; known here: "
                        + String.join(", ", keys));
            }
        }
    }

    private String text(JsonNode parent, String path, String fallback) {
        JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            errors.add(path + ": must be a non-empty text");
            return fallback;
        }
        return node.asText().strip();
    }

    private String required(JsonNode parent, String path) {
        String value = text(parent, path, null);
        if (value == null && !parent.path(path.substring(path.lastIndexOf('.') + 1)).isValueNode()) {
            errors.add(path + ": required");
        }
        return value;
    }

    private int integer(JsonNode parent, String path, int fallback, int min, int max) {
        JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isInt() || node.asInt() < min || node.asInt() > max) {
            errors.add(path + ": must be a whole number from " + min + " to " + max + ", was " + node.asText());
            return fallback;
        }
        return node.asInt();
    }

    private Duration duration(JsonNode parent, String path, Duration fallback, Duration min, Duration max) {
        String text = text(parent, path, null);
        if (text == null) {
            return fallback;
        }
        Optional<Duration> parsed = Durations.parse(text.toLowerCase(Locale.ROOT));
        if (parsed.isEmpty()) {
            errors.add(path + ": must be a duration like 30s, 5m or 1h, was " + text);
            return fallback;
        }
        Duration d = parsed.get();
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            errors.add(path + ": must be from " + Durations.format(min) + " to " + Durations.format(max) + ", was " + text);
            return fallback;
        }
        return d;
    }
}
