package org.hearth.hub.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link HubStore} over JDBC, for SQLite and PostgreSQL alike (see {@link Migrations}). This
 * class opens the store and hands each call to the tables it is about: {@link HomeTables},
 * {@link AlertTables}, {@link GatewayTables}, {@link CarerTables}, {@link StreamTable} and
 * {@link Removals}. They run their SQL through {@link Transactions}, which holds the connections.
 */
public final class JdbcHubStore implements HubStore {

    private final String name;
    private final Transactions tx;
    private final StreamTable stream;
    private final HomeTables homes;
    private final AlertTables alerts;
    private final GatewayTables gateways;
    private final CarerTables carers;
    private final Removals removals;

    private JdbcHubStore(String name, Transactions.Opener opener, boolean shared) {
        this.name = name;
        this.tx = new Transactions(name, opener);
        this.stream = new StreamTable(name, opener, tx, shared);
        this.homes = new HomeTables(tx);
        this.alerts = new AlertTables(tx, stream);
        this.gateways = new GatewayTables(tx, stream);
        this.carers = new CarerTables(tx);
        this.removals = new Removals(tx);
        tx.write(c -> null);
    }

    /**
     * SQLite in {@code file}, every commit flushed to disk ({@code synchronous=FULL}) in WAL mode,
     * so the CLI may add a home while the daemon runs.
     */
    public static JdbcHubStore sqlite(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
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
        return homes.homesOf(org);
    }

    @Override
    public Home addHome(String label, String org, byte[] key, Instant now) {
        return homes.addHome(label, org, key, now);
    }

    @Override
    public Optional<Home> home(String id) {
        return homes.home(id);
    }

    @Override
    public Optional<Home> homeByIdentity(String identity) {
        return homes.homeByIdentity(identity);
    }

    @Override
    public List<Home> homes() {
        return homes.homes();
    }

    @Override
    public boolean setPhone(String homeId, Optional<String> phone) {
        return homes.setPhone(homeId, phone);
    }

    @Override
    public List<HomeOverview> homeOverviews(Collection<String> homeIds) {
        return homes.homeOverviews(homeIds);
    }

    // ---- alerts, their events and receipts, summaries

    @Override
    public Outcome addAlert(String homeId, UUID id, String json, Instant received) {
        return alerts.addAlert(homeId, id, json, received);
    }

    @Override
    public Optional<StoredAlert> alert(UUID id) {
        return alerts.alert(id);
    }

    @Override
    public List<StoredAlert> alerts(String homeId) {
        return alerts.alerts(homeId);
    }

    @Override
    public Outcome addEvent(String homeId, UUID alertId, long seq, String state, String json, Instant received) {
        return alerts.addEvent(homeId, alertId, seq, state, json, received);
    }

    @Override
    public List<StoredEvent> events(UUID alertId) {
        return alerts.events(alertId);
    }

    @Override
    public Receipt.Outcome addReceipt(String homeId, UUID alertId, String deviceId, String carer, Instant received) {
        return alerts.addReceipt(homeId, alertId, deviceId, carer, received);
    }

    @Override
    public List<Receipt> receipts(UUID alertId) {
        return alerts.receipts(alertId);
    }

    @Override
    public void putSummary(String homeId, String json, Instant received) {
        alerts.putSummary(homeId, json, received);
    }

    @Override
    public Optional<StoredSummary> summary(String homeId) {
        return alerts.summary(homeId);
    }

    // ---- gateways: liveness and the downward queue

    @Override
    public void heartbeat(String homeId, Instant at, Duration interval) {
        gateways.heartbeats(List.of(new Heard(homeId, at, interval)));
    }

    @Override
    public void heartbeats(List<Heard> heard) {
        gateways.heartbeats(heard);
    }

    @Override
    public void gatewayEvent(GatewayEvent event) {
        gateways.gatewayEvent(event);
    }

    @Override
    public List<Liveness> liveness() {
        return gateways.liveness();
    }

    @Override
    public Optional<Liveness> liveness(String homeId) {
        return gateways.liveness(homeId);
    }

    @Override
    public List<GatewayEvent> gatewayEvents(String homeId) {
        return gateways.gatewayEvents(homeId);
    }

    @Override
    public long addDown(String homeId, String kind, String body, Instant now) {
        return gateways.addDown(homeId, kind, body, now);
    }

    @Override
    public List<DownEntry> pendingDown(String homeId) {
        return gateways.pendingDown(homeId);
    }

    @Override
    public boolean applyDown(String homeId, long seq, Instant now) {
        return gateways.applyDown(homeId, seq, now);
    }

    @Override
    public List<DownRecord> downLog(String homeId) {
        return gateways.downLog(homeId);
    }

    // ---- carers: invites, devices, push subscriptions, the access log

    @Override
    public void addInvite(String codeHash, Invite invite) {
        carers.addInvite(codeHash, invite);
    }

    @Override
    public Enrolment enrol(String codeHash, String deviceName, String credentialHash, Instant now) {
        return carers.enrol(codeHash, deviceName, credentialHash, now);
    }

    @Override
    public Optional<Device> deviceByCredential(String credentialHash) {
        return carers.deviceByCredential(credentialHash);
    }

    @Override
    public List<Device> devicesOf(String carer) {
        return carers.devicesOf(carer);
    }

    @Override
    public boolean revokeDevice(String deviceId, Instant now) {
        return carers.revokeDevice(deviceId, now);
    }

    @Override
    public Set<String> revokedAmong(Collection<String> deviceIds) {
        return carers.revokedAmong(deviceIds);
    }

    @Override
    public long revokedDevices() {
        return carers.revokedDevices();
    }

    @Override
    public List<HomeDevice> homeDevices(String homeId) {
        return carers.homeDevices(homeId);
    }

    @Override
    public List<HomeInvite> invites(String homeId) {
        return carers.invites(homeId);
    }

    @Override
    public void putPushSubscription(PushSubscription s) {
        carers.putPushSubscription(s);
    }

    @Override
    public Optional<PushSubscription> pushSubscription(String deviceId) {
        return carers.pushSubscription(deviceId);
    }

    @Override
    public List<PushSubscription> pushSubscriptions(String homeId, int maxLevel) {
        return carers.pushSubscriptions(homeId, maxLevel);
    }

    @Override
    public boolean deletePushSubscription(String deviceId, String endpoint) {
        return carers.deletePushSubscription(deviceId, endpoint);
    }

    @Override
    public void logAccess(AccessEntry entry) {
        carers.logAccess(entry);
    }

    @Override
    public void logAccess(List<AccessEntry> entries) {
        carers.logAccess(entries);
    }

    @Override
    public List<AccessEntry> accessLog(String homeId) {
        return carers.accessLog(homeId);
    }

    // ---- the live stream

    @Override
    public void onAppended(Runnable listener) {
        stream.onAppended(listener);
    }

    @Override
    public long lastStreamId() {
        return stream.lastStreamId();
    }

    @Override
    public List<StreamEvent> streamAfter(long afterId, int limit) {
        return stream.streamAfter(afterId, limit);
    }

    @Override
    public List<StreamEvent> streamAfter(long afterId, Collection<String> homeIds, int limit) {
        return stream.streamAfter(afterId, homeIds, limit);
    }

    @Override
    public int pruneStream(Instant before) {
        return stream.pruneStream(before);
    }

    // ---- deletions

    @Override
    public boolean removeHome(String id) {
        return removals.removeHome(id);
    }

    @Override
    public Pruned prune(Instant historyBefore, Instant accessBefore) {
        return removals.prune(historyBefore, accessBefore);
    }

    @Override
    public synchronized void close() {
        stream.close();
        tx.close();
    }
}
