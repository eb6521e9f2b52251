package org.hearth.hub.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HubStore} over JDBC, for SQLite and PostgreSQL alike (see {@link Migrations}). Two
 * connections, each used by one caller at a time: one for every write, one for reads (see
 * {@link Lane}); a connection that breaks (PostgreSQL restarted) is opened again at the next call,
 * so the hub recovers without a restart.
 */
public final class JdbcHubStore implements HubStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcHubStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    /** Opens a connection to the store. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final String name;
    private final Opener opener;
    private final Lane writes = new Lane(true);
    private final Lane reads = new Lane(false);
    /** Whether the store failed at its last use, by either lane: an outage is logged once. */
    private volatile boolean failing;
    /** Set by {@link #appendStream} within the current write; guarded by {@link #writes}. */
    private boolean appended;
    private final List<Runnable> appendListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** PostgreSQL: other nodes' appends are heard through LISTEN/NOTIFY ({@link StreamNotifications}). */
    private final boolean shared;
    /** This store's node id, in its notifications. */
    private final String node = newId();
    /** Started by the first {@link #onAppended} of a shared store; guarded by {@code this}. */
    private StreamNotifications notifications;

    private JdbcHubStore(String name, Opener opener, boolean shared) {
        this.name = name;
        this.opener = opener;
        this.shared = shared;
        call(c -> null);
    }

    /**
     * SQLite in {@code file}, every commit flushed to disk ({@code synchronous=FULL}) in WAL mode,
     * so the CLI may add a home while the daemon runs.
     */
    public static JdbcHubStore sqlite(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory for " + file + ": " + e.getMessage(), e);
        }
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        p.setProperty("busy_timeout", "5000");
        return new JdbcHubStore("SQLite " + file, () -> DriverManager.getConnection("jdbc:sqlite:" + file, p), false);
    }

    /**
     * A PostgreSQL database; the schema is created or brought up to date at once. Several hub nodes
     * may share it: each node's live streams hear the others' new entries through LISTEN/NOTIFY.
     */
    public static JdbcHubStore postgresql(String url, String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        return new JdbcHubStore("PostgreSQL " + url, () -> DriverManager.getConnection(url, p), true);
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- homes

    @Override
    public List<String> homesOf(String org) {
        return read(c -> query(c, "SELECT id FROM homes WHERE org = ? ORDER BY id", r -> r.getString(1), org));
    }

    @Override
    public Home addHome(String label, String org, byte[] key, Instant now) {
        return call(c -> {
            String id = newId();
            Home home = new Home(id, label, Home.identityOf(id), key, now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            update(c, "INSERT INTO homes (id, label, identity, psk_hex, created_ms, org) VALUES (?, ?, ?, ?, ?, ?)",
                    home.id(), label, home.identity(), HexFormat.of().formatHex(key), home.created().toEpochMilli(), org);
            return home;
        });
    }

    private static String newId() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    @Override
    public Optional<Home> home(String id) {
        return read(c -> query(c, "SELECT id, label, identity, psk_hex, created_ms, phone FROM homes WHERE id = ?", JdbcHubStore::home, id)
                .stream().findFirst());
    }

    @Override
    public Optional<Home> homeByIdentity(String identity) {
        return read(c -> query(c, "SELECT id, label, identity, psk_hex, created_ms, phone FROM homes WHERE identity = ?", JdbcHubStore::home,
                identity).stream().findFirst());
    }

    @Override
    public List<Home> homes() {
        return read(c -> query(c, "SELECT id, label, identity, psk_hex, created_ms, phone FROM homes ORDER BY created_ms, id", JdbcHubStore::home));
    }

    private static Home home(ResultSet r) throws SQLException {
        return new Home(r.getString(1), r.getString(2), r.getString(3), HexFormat.of().parseHex(r.getString(4)),
                Instant.ofEpochMilli(r.getLong(5)), Optional.ofNullable(r.getString(6)));
    }

    @Override
    public boolean setPhone(String homeId, Optional<String> phone) {
        String stored = phone.map(p -> PhoneNumbers.normalise(p).orElseThrow(() -> new IllegalArgumentException(PhoneNumbers.RULE)))
                .orElse(null);
        return call(c -> update(c, "UPDATE homes SET phone = ? WHERE id = ?", stored, homeId) == 1);
    }

    @Override
    public boolean removeHome(String id) {
        return call(c -> {
            update(c, "DELETE FROM alert_events WHERE alert_id IN (SELECT id FROM alerts WHERE home_id = ?)", id);
            for (String table : List.of("alerts", "summaries", "down_queue", "gateway_liveness", "gateway_events", "invites",
                    "device_homes", "access_log", "stream_events", "alert_receipts")) {
                update(c, "DELETE FROM " + table + " WHERE home_id = ?", id);
            }
            return update(c, "DELETE FROM homes WHERE id = ?", id) == 1;
        });
    }

    // ---- alerts and their events

    @Override
    public Outcome addAlert(String homeId, UUID id, String json, Instant received) {
        return call(c -> {
            int n = update(c, "INSERT INTO alerts (id, home_id, json, received_ms, state, last_seq) VALUES (?, ?, ?, ?, 'raised', 0)"
                    + " ON CONFLICT (id) DO NOTHING", id.toString(), homeId, json, received.toEpochMilli());
            if (n == 1) {
                appendStream(c, homeId, StreamEvent.Kind.ALERT, json, received);
                return Outcome.STORED;
            }
            return owner(c, id).filter(homeId::equals).isPresent() ? Outcome.ALREADY_STORED : Outcome.OTHER_HOME;
        });
    }

    private static Optional<String> owner(Connection c, UUID alertId) throws SQLException {
        return query(c, "SELECT home_id FROM alerts WHERE id = ?", r -> r.getString(1), alertId.toString()).stream().findFirst();
    }

    @Override
    public Optional<StoredAlert> alert(UUID id) {
        return read(c -> query(c, "SELECT id, home_id, json, received_ms, state, last_seq FROM alerts WHERE id = ?",
                JdbcHubStore::alert, id.toString()).stream().findFirst());
    }

    @Override
    public List<StoredAlert> alerts(String homeId) {
        return read(c -> query(c, "SELECT id, home_id, json, received_ms, state, last_seq FROM alerts WHERE home_id = ?"
                + " ORDER BY received_ms, id", JdbcHubStore::alert, homeId));
    }

    private static StoredAlert alert(ResultSet r) throws SQLException {
        return new StoredAlert(UUID.fromString(r.getString(1)), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                r.getString(5), r.getLong(6));
    }

    @Override
    public Outcome addEvent(String homeId, UUID alertId, long seq, String state, String json, Instant received) {
        return call(c -> {
            Optional<String> owner = owner(c, alertId);
            if (owner.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            if (!owner.get().equals(homeId)) {
                return Outcome.OTHER_HOME;
            }
            int n = update(c, "INSERT INTO alert_events (alert_id, seq, json, received_ms) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (alert_id, seq) DO NOTHING", alertId.toString(), seq, json, received.toEpochMilli());
            if (n == 0) {
                return Outcome.ALREADY_STORED;
            }
            update(c, "UPDATE alerts SET state = ?, last_seq = ? WHERE id = ? AND last_seq < ?", state, seq, alertId.toString(), seq);
            appendStream(c, homeId, StreamEvent.Kind.ALERT_EVENT, json, received);
            return Outcome.STORED;
        });
    }

    @Override
    public List<StoredEvent> events(UUID alertId) {
        return read(c -> query(c, "SELECT alert_id, seq, json, received_ms FROM alert_events WHERE alert_id = ? ORDER BY seq",
                r -> new StoredEvent(UUID.fromString(r.getString(1)), r.getLong(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4))),
                alertId.toString()));
    }

    // ---- summaries

    @Override
    public void putSummary(String homeId, String json, Instant received) {
        call(c -> {
            update(c, "INSERT INTO summaries (home_id, json, received_ms) VALUES (?, ?, ?)"
                    + " ON CONFLICT (home_id) DO UPDATE SET json = excluded.json, received_ms = excluded.received_ms",
                    homeId, json, received.toEpochMilli());
            return appendStream(c, homeId, StreamEvent.Kind.SUMMARY, json, received);
        });
    }

    @Override
    public Optional<StoredSummary> summary(String homeId) {
        return read(c -> query(c, "SELECT home_id, json, received_ms FROM summaries WHERE home_id = ?",
                r -> new StoredSummary(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))), homeId).stream().findFirst());
    }

    // ---- the downward queue

    @Override
    public long addDown(String homeId, String kind, String body, Instant now) {
        return call(c -> {
            long seq = query(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM down_queue WHERE home_id = ?", r -> r.getLong(1), homeId).get(0);
            update(c, "INSERT INTO down_queue (home_id, seq, kind, body, created_ms, applied_ms) VALUES (?, ?, ?, ?, ?, NULL)",
                    homeId, seq, kind, body, now.toEpochMilli());
            return seq;
        });
    }

    @Override
    public List<DownEntry> pendingDown(String homeId) {
        return read(c -> query(c, "SELECT seq, kind, body FROM down_queue WHERE home_id = ? AND applied_ms IS NULL ORDER BY seq",
                r -> new DownEntry(r.getLong(1), r.getString(2), r.getString(3)), homeId));
    }

    @Override
    public boolean applyDown(String homeId, long seq, Instant now) {
        return call(c -> update(c, "UPDATE down_queue SET applied_ms = ? WHERE home_id = ? AND seq = ? AND applied_ms IS NULL",
                now.toEpochMilli(), homeId, seq) == 1);
    }

    // ---- invites, devices and the access log

    @Override
    public void addInvite(String codeHash, Invite invite) {
        call(c -> update(c, "INSERT INTO invites (code_sha256, home_id, carer, level, created_ms, expires_ms, used_ms, operator_org)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?)", codeHash, invite.homeId(), invite.carer(), invite.level(),
                invite.created().toEpochMilli(), invite.expires().toEpochMilli(), invite.operatorOrg()));
    }

    @Override
    public Enrolment enrol(String codeHash, String deviceName, String credentialHash, Instant now) {
        return call(c -> {
            record Row(String homeId, String carer, int level, long expiresMs, boolean used, String operatorOrg) {
            }
            Optional<Row> invite = query(c, "SELECT home_id, carer, level, expires_ms, used_ms, operator_org FROM invites WHERE code_sha256 = ?",
                    r -> new Row(r.getString(1), r.getString(2), r.getInt(3), r.getLong(4), r.getObject(5) != null, r.getString(6)), codeHash)
                    .stream().findFirst();
            if (invite.isEmpty()) {
                return Enrolment.refused(Enrolment.Status.NOT_FOUND);
            }
            if (invite.get().used()) {
                return Enrolment.refused(Enrolment.Status.ALREADY_USED);
            }
            if (now.toEpochMilli() >= invite.get().expiresMs()) {
                return Enrolment.refused(Enrolment.Status.EXPIRED);
            }
            // The guard on used_ms makes two enrolments racing on one code end with one device.
            if (update(c, "UPDATE invites SET used_ms = ? WHERE code_sha256 = ? AND used_ms IS NULL", now.toEpochMilli(), codeHash) != 1) {
                return Enrolment.refused(Enrolment.Status.ALREADY_USED);
            }
            Instant created = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String id = "d-" + newId();
            String org = invite.get().operatorOrg();
            update(c, "INSERT INTO devices (id, carer, name, credential_sha256, created_ms, revoked_ms, operator_org)"
                    + " VALUES (?, ?, ?, ?, ?, NULL, ?)", id, invite.get().carer(), deviceName, credentialHash, created.toEpochMilli(), org);
            if (org.isEmpty()) {
                update(c, "INSERT INTO device_homes (device_id, home_id, level) VALUES (?, ?, ?)", id, invite.get().homeId(),
                        invite.get().level());
            }
            return new Enrolment(Enrolment.Status.ENROLLED, devices(c, DEVICE_COLUMNS + " WHERE id = ?", id).stream().findFirst());
        });
    }

    private static final String DEVICE_COLUMNS = "SELECT id, carer, name, created_ms, operator_org FROM devices";

    @Override
    public Optional<Device> deviceByCredential(String credentialHash) {
        return read(c -> devices(c, DEVICE_COLUMNS + " WHERE credential_sha256 = ? AND revoked_ms IS NULL", credentialHash)
                .stream().findFirst());
    }

    @Override
    public List<Device> devicesOf(String carer) {
        return read(c -> devices(c, DEVICE_COLUMNS + " WHERE carer = ? AND revoked_ms IS NULL ORDER BY created_ms, id", carer));
    }

    private static List<Device> devices(Connection c, String sql, Object... args) throws SQLException {
        record Row(String id, String carer, String name, long createdMs, String operatorOrg) {
        }
        List<Device> devices = new ArrayList<>();
        for (Row row : query(c, sql, r -> new Row(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5)), args)) {
            // An operator's homes are its organisation's as they are now, a home added later included.
            List<Device.Grant> grants = row.operatorOrg().isEmpty()
                    ? query(c, "SELECT home_id, level FROM device_homes WHERE device_id = ? ORDER BY home_id",
                            r -> new Device.Grant(r.getString(1), r.getInt(2)), row.id())
                    : query(c, "SELECT id FROM homes WHERE org = ? ORDER BY id", r -> new Device.Grant(r.getString(1), 0), row.operatorOrg());
            devices.add(new Device(row.id(), row.carer(), row.name(), Instant.ofEpochMilli(row.createdMs()), grants, row.operatorOrg()));
        }
        return devices;
    }

    @Override
    public boolean revokeDevice(String deviceId, Instant now) {
        return call(c -> {
            update(c, "DELETE FROM push_subscriptions WHERE device_id = ?", deviceId);
            return update(c, "UPDATE devices SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL", now.toEpochMilli(), deviceId) == 1;
        });
    }

    // ---- push subscriptions and receipts

    private static final String SUBSCRIPTION_COLUMNS = "SELECT s.device_id, s.endpoint, s.p256dh, s.auth, s.created_ms FROM push_subscriptions s";

    private static PushSubscription subscription(ResultSet r) throws SQLException {
        return new PushSubscription(r.getString(1), r.getString(2), r.getString(3), r.getString(4), Instant.ofEpochMilli(r.getLong(5)));
    }

    @Override
    public void putPushSubscription(PushSubscription s) {
        call(c -> update(c, "INSERT INTO push_subscriptions (device_id, endpoint, p256dh, auth, created_ms) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (device_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh,"
                + " auth = excluded.auth, created_ms = excluded.created_ms",
                s.deviceId(), s.endpoint(), s.p256dh(), s.auth(), s.created().toEpochMilli()));
    }

    @Override
    public Optional<PushSubscription> pushSubscription(String deviceId) {
        return read(c -> query(c, SUBSCRIPTION_COLUMNS + " WHERE s.device_id = ?", JdbcHubStore::subscription, deviceId))
                .stream().findFirst();
    }

    @Override
    public List<PushSubscription> pushSubscriptions(String homeId, int maxLevel) {
        return read(c -> query(c, SUBSCRIPTION_COLUMNS + " JOIN device_homes g ON g.device_id = s.device_id"
                + " JOIN devices d ON d.id = s.device_id WHERE g.home_id = ? AND g.level <= ? AND d.revoked_ms IS NULL"
                + " ORDER BY s.device_id", JdbcHubStore::subscription, homeId, maxLevel));
    }

    @Override
    public boolean deletePushSubscription(String deviceId, String endpoint) {
        return call(c -> update(c, "DELETE FROM push_subscriptions WHERE device_id = ? AND endpoint = ?", deviceId, endpoint) == 1);
    }

    @Override
    public Receipt.Outcome addReceipt(String homeId, UUID alertId, String deviceId, String carer, Instant received) {
        return call(c -> {
            boolean carerHadOne = !query(c, "SELECT 1 FROM alert_receipts WHERE alert_id = ? AND carer = ?", r -> 1,
                    alertId.toString(), carer).isEmpty();
            int n = update(c, "INSERT INTO alert_receipts (alert_id, device_id, home_id, carer, received_ms) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (alert_id, device_id) DO NOTHING", alertId.toString(), deviceId, homeId, carer, received.toEpochMilli());
            if (n == 0) {
                return Receipt.Outcome.ALREADY;
            }
            return carerHadOne ? Receipt.Outcome.FIRST_FOR_DEVICE : Receipt.Outcome.FIRST_FOR_CARER;
        });
    }

    @Override
    public List<Receipt> receipts(UUID alertId) {
        return read(c -> query(c, "SELECT alert_id, device_id, carer, received_ms FROM alert_receipts WHERE alert_id = ?"
                + " ORDER BY received_ms, device_id", r -> new Receipt(UUID.fromString(r.getString(1)), r.getString(2), r.getString(3),
                Instant.ofEpochMilli(r.getLong(4))), alertId.toString()));
    }

    @Override
    public void logAccess(AccessEntry entry) {
        call(c -> update(c, "INSERT INTO access_log (at_ms, device_id, home_id, what) VALUES (?, ?, ?, ?)",
                entry.at().toEpochMilli(), entry.deviceId(), entry.homeId(), entry.what()));
    }

    @Override
    public void logAccess(List<AccessEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        call(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO access_log (at_ms, device_id, home_id, what) VALUES (?, ?, ?, ?)")) {
                for (AccessEntry e : entries) {
                    p.setLong(1, e.at().toEpochMilli());
                    p.setString(2, e.deviceId());
                    p.setString(3, e.homeId());
                    p.setString(4, e.what());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** Ids per query: well under SQLite's and PostgreSQL's limits on parameters. */
    private static final int IDS_PER_QUERY = 500;

    @Override
    public List<HomeOverview> homeOverviews(Collection<String> homeIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(homeIds));
        return read(c -> {
            List<HomeOverview> all = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                all.addAll(query(c, "SELECT h.id, h.label, l.last_heartbeat_ms, l.silent,"
                        + " (SELECT COUNT(*) FROM alerts a WHERE a.home_id = h.id AND a.state <> 'resolved'),"
                        + " (SELECT COUNT(*) FROM alerts a WHERE a.home_id = h.id AND a.state NOT IN ('resolved', 'acknowledged')),"
                        + " (SELECT MIN(a.received_ms) FROM alerts a WHERE a.home_id = h.id AND a.state NOT IN ('resolved', 'acknowledged')),"
                        + " h.phone"
                        + " FROM homes h LEFT JOIN gateway_liveness l ON l.home_id = h.id WHERE h.id IN (" + placeholders(chunk.size()) + ")",
                        r -> new HomeOverview(r.getString(1), r.getString(2), r.getLong(5), optionalInstant(r, 3), r.getInt(4) != 0,
                                r.getLong(6), optionalInstant(r, 7), Optional.ofNullable(r.getString(8))),
                        chunk.toArray()));
            }
            return all;
        });
    }

    @Override
    public List<AccessEntry> accessLog(String homeId) {
        return read(c -> query(c, "SELECT at_ms, device_id, home_id, what FROM access_log WHERE home_id = ? ORDER BY at_ms",
                r -> new AccessEntry(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3), r.getString(4)), homeId));
    }

    // ---- a home's export and retention

    @Override
    public List<HomeDevice> homeDevices(String homeId) {
        return read(c -> query(c, "SELECT d.id, d.carer, d.name, g.level, d.created_ms, d.revoked_ms,"
                + " (SELECT COUNT(*) FROM push_subscriptions s WHERE s.device_id = d.id)"
                + " FROM devices d JOIN device_homes g ON g.device_id = d.id WHERE g.home_id = ? ORDER BY d.created_ms, d.id",
                r -> new HomeDevice(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), Instant.ofEpochMilli(r.getLong(5)),
                        optionalInstant(r, 6), r.getInt(7) > 0), homeId));
    }

    @Override
    public List<HomeInvite> invites(String homeId) {
        return read(c -> query(c, "SELECT carer, level, created_ms, expires_ms, used_ms FROM invites WHERE home_id = ?"
                + " ORDER BY created_ms, carer", r -> new HomeInvite(r.getString(1), r.getInt(2), Instant.ofEpochMilli(r.getLong(3)),
                Instant.ofEpochMilli(r.getLong(4)), optionalInstant(r, 5)), homeId));
    }

    @Override
    public List<DownRecord> downLog(String homeId) {
        return read(c -> query(c, "SELECT seq, kind, body, created_ms, applied_ms FROM down_queue WHERE home_id = ? ORDER BY seq",
                r -> new DownRecord(r.getLong(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                        optionalInstant(r, 5)), homeId));
    }

    private static Optional<Instant> optionalInstant(ResultSet r, int column) throws SQLException {
        long ms = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    @Override
    public Pruned prune(Instant historyBefore, Instant accessBefore) {
        long history = historyBefore.toEpochMilli();
        return call(c -> {
            // Resolved, and nothing heard of it since the cut-off: a late event keeps it a while longer.
            String gone = "SELECT a.id FROM alerts a WHERE a.state = 'resolved' AND a.received_ms < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM alert_events e WHERE e.alert_id = a.id AND e.received_ms >= ?)";
            int events = update(c, "DELETE FROM alert_events WHERE alert_id IN (" + gone + ")", history, history);
            int receipts = update(c, "DELETE FROM alert_receipts WHERE alert_id IN (" + gone + ")", history, history);
            int alerts = update(c, "DELETE FROM alerts WHERE id IN (" + gone + ")", history, history);
            int down = update(c, "DELETE FROM down_queue WHERE applied_ms IS NOT NULL AND applied_ms < ?", history);
            int gateway = update(c, "DELETE FROM gateway_events WHERE at_ms < ?", history);
            int access = update(c, "DELETE FROM access_log WHERE at_ms < ?", accessBefore.toEpochMilli());
            return new Pruned(alerts, events, receipts, down, gateway, access);
        });
    }

    // ---- liveness

    @Override
    public void heartbeat(String homeId, Instant at, Duration interval) {
        heartbeats(List.of(new Heard(homeId, at, interval)));
    }

    @Override
    public void heartbeats(List<Heard> heard) {
        if (heard.isEmpty()) {
            return;
        }
        call(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gateway_liveness (home_id, last_heartbeat_ms, interval_ms, silent)"
                    + " VALUES (?, ?, ?, 0) ON CONFLICT (home_id) DO UPDATE SET last_heartbeat_ms = excluded.last_heartbeat_ms,"
                    + " interval_ms = excluded.interval_ms")) {
                for (Heard h : heard) {
                    p.setString(1, h.homeId());
                    p.setLong(2, h.at().toEpochMilli());
                    p.setLong(3, h.interval().toMillis());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void gatewayEvent(GatewayEvent event) {
        call(c -> {
            // A home removed by the CLI while the daemon still watched it leaves nothing behind.
            if (update(c, "INSERT INTO gateway_events (home_id, at_ms, kind) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM homes WHERE id = ?)",
                    event.homeId(), event.at().toEpochMilli(), event.kind().name(), event.homeId()) == 1) {
                appendStream(c, event.homeId(), event.kind() == GatewayEvent.Kind.SILENT ? StreamEvent.Kind.GATEWAY_SILENT
                        : StreamEvent.Kind.GATEWAY_BACK, "", event.at());
            }
            return update(c, "UPDATE gateway_liveness SET silent = ? WHERE home_id = ?",
                    event.kind() == GatewayEvent.Kind.SILENT ? 1 : 0, event.homeId());
        });
    }

    @Override
    public List<Liveness> liveness() {
        return read(c -> query(c, "SELECT home_id, last_heartbeat_ms, interval_ms, silent FROM gateway_liveness ORDER BY home_id",
                JdbcHubStore::liveness));
    }

    @Override
    public Optional<Liveness> liveness(String homeId) {
        return read(c -> query(c, "SELECT home_id, last_heartbeat_ms, interval_ms, silent FROM gateway_liveness WHERE home_id = ?",
                JdbcHubStore::liveness, homeId)).stream().findFirst();
    }

    private static Liveness liveness(ResultSet r) throws SQLException {
        return new Liveness(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), Duration.ofMillis(r.getLong(3)), r.getInt(4) != 0);
    }

    @Override
    public List<GatewayEvent> gatewayEvents(String homeId) {
        return read(c -> query(c, "SELECT home_id, at_ms, kind FROM gateway_events WHERE home_id = ? ORDER BY at_ms",
                r -> new GatewayEvent(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), GatewayEvent.Kind.valueOf(r.getString(3))),
                homeId));
    }

    // ---- the live stream

    /**
     * Takes the next id and appends the entry, in the caller's transaction. The one-row sequence
     * is locked by the UPDATE until the commit, so ids are handed out in commit order, across hub
     * nodes too. On PostgreSQL the other nodes are notified at the commit.
     */
    private long appendStream(Connection c, String homeId, StreamEvent.Kind kind, String json, Instant at) throws SQLException {
        appended = true;
        if (shared) {
            query(c, "SELECT pg_notify(?, ?)", r -> null, StreamNotifications.CHANNEL, node);
        }
        update(c, "UPDATE stream_sequence SET last_id = last_id + 1");
        long id = query(c, "SELECT last_id FROM stream_sequence", r -> r.getLong(1)).get(0);
        update(c, "INSERT INTO stream_events (id, home_id, kind, json, at_ms) VALUES (?, ?, ?, ?, ?)", id, homeId, kind.name(), json,
                at.toEpochMilli());
        return id;
    }

    @Override
    public synchronized void onAppended(Runnable listener) {
        appendListeners.add(listener);
        if (shared && notifications == null) {
            notifications = new StreamNotifications(name, opener, node, this::tellAppended);
        }
    }

    private void tellAppended() {
        for (Runnable listener : appendListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("A live stream listener failed; what was stored stays stored", e);
            }
        }
    }

    private static final String STREAM_COLUMNS = "SELECT id, home_id, kind, json, at_ms FROM stream_events";

    private static StreamEvent streamEvent(ResultSet r) throws SQLException {
        return new StreamEvent(r.getLong(1), r.getString(2), StreamEvent.Kind.valueOf(r.getString(3)), r.getString(4),
                Instant.ofEpochMilli(r.getLong(5)));
    }

    @Override
    public long lastStreamId() {
        return read(c -> query(c, "SELECT last_id FROM stream_sequence", r -> r.getLong(1)).get(0));
    }

    @Override
    public List<StreamEvent> streamAfter(long afterId, int limit) {
        return read(c -> query(c, STREAM_COLUMNS + " WHERE id > ? ORDER BY id LIMIT ?", JdbcHubStore::streamEvent, afterId, limit));
    }

    @Override
    public List<StreamEvent> streamAfter(long afterId, Collection<String> homeIds, int limit) {
        if (homeIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(homeIds);
        args.add(afterId);
        args.add(limit);
        return read(c -> query(c, STREAM_COLUMNS + " WHERE home_id IN (" + placeholders(homeIds.size()) + ") AND id > ? ORDER BY id LIMIT ?",
                JdbcHubStore::streamEvent, args.toArray()));
    }

    @Override
    public int pruneStream(Instant before) {
        return call(c -> update(c, "DELETE FROM stream_events WHERE at_ms < ?", before.toEpochMilli()));
    }

    @Override
    public Set<String> revokedAmong(Collection<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Set.of();
        }
        return read(c -> {
            Set<String> valid = new HashSet<>(query(c, "SELECT id FROM devices WHERE revoked_ms IS NULL AND id IN ("
                    + placeholders(deviceIds.size()) + ")", r -> r.getString(1), deviceIds.toArray()));
            Set<String> revoked = new HashSet<>(deviceIds);
            revoked.removeAll(valid);
            return revoked;
        });
    }

    @Override
    public long revokedDevices() {
        return read(c -> query(c, "SELECT COUNT(*) FROM devices WHERE revoked_ms IS NOT NULL", r -> r.getLong(1)).get(0));
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Runs {@code work} in one transaction on the writing connection, committed before it returns. */
    private <T> T call(Work<T> work) {
        return writes.run(work);
    }

    /** Runs {@code work}, which only reads, in one transaction on the reading connection. */
    private <T> T read(Work<T> work) {
        return reads.run(work);
    }

    /**
     * One connection and the calls queued for it. Writes go one at a time through one lane, so the
     * live stream's ids follow the commits; reads go through a lane of their own, so no read (the
     * uplink's look-up of the calling home, the live streams' poll) waits behind a commit while it
     * is flushed to disk. SQLite in WAL mode and PostgreSQL both let a reader go on beside a writer.
     */
    private final class Lane {

        private final boolean writing;
        private Connection connection;

        Lane(boolean writing) {
            this.writing = writing;
        }

        synchronized <T> T run(Work<T> work) {
            try {
                Connection c = connection();
                T result;
                if (writing) {
                    appended = false;
                }
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
                if (writing && appended) {
                    tellAppended();
                }
                if (failing) {
                    failing = false;
                    LOG.warn("{}: working again", name);
                }
                return result;
            } catch (SQLException e) {
                dropIfBroken();
                if (!failing) {
                    // Once per outage, not once per request: gateways retry, and each retry fails alike.
                    failing = true;
                    LOG.warn("{}: cannot be used: {}; gateways are told to retry until it works again", name, firstLine(e.getMessage()));
                }
                throw new StoreException(name + ": " + e.getMessage(), e);
            }
        }

        /** The writing lane brings the schema up to date whenever it opens its connection. */
        private Connection connection() throws SQLException {
            if (connection == null) {
                Connection c = opener.open();
                try {
                    if (writing) {
                        Migrations.run(c);
                    } else {
                        c.setAutoCommit(false);
                    }
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                connection = c;
            }
            return connection;
        }

        private void dropIfBroken() {
            try {
                if (connection != null && !connection.isValid(2)) {
                    LOG.info("{}: the connection broke; it is opened again at the next use", name);
                    connection.close();
                    connection = null;
                }
            } catch (SQLException e) {
                connection = null;
            }
        }

        synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn("{}: closing: {}", name, e.getMessage());
                }
                connection = null;
            }
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse(s);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed", e);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    private static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (r.next()) {
                out.add(row.read(r));
            }
            return out;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (notifications != null) {
            notifications.close();
            notifications = null;
        }
        writes.close();
        reads.close();
    }
}
