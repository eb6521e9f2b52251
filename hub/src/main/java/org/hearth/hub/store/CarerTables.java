package org.hearth.hub.store;

import static org.hearth.hub.store.Sql.optionalInstant;
import static org.hearth.hub.store.Sql.placeholders;
import static org.hearth.hub.store.Sql.query;
import static org.hearth.hub.store.Sql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The carers' side: invites, the devices enrolled with them and their grants, push subscriptions,
 * and the access log of what each device read.
 */
final class CarerTables {

    private static final String DEVICE_COLUMNS = "SELECT id, carer, name, created_ms, operator_org FROM devices";
    private static final String SUBSCRIPTION_COLUMNS = "SELECT s.device_id, s.endpoint, s.p256dh, s.auth, s.created_ms FROM push_subscriptions s";
    private static final String ACCESS_INSERT = "INSERT INTO access_log (at_ms, device_id, home_id, what) VALUES (?, ?, ?, ?)";

    private final Transactions tx;

    CarerTables(Transactions tx) {
        this.tx = tx;
    }

    // ---- invites and devices

    void addInvite(String codeHash, Invite invite) {
        tx.write(c -> update(c, "INSERT INTO invites (code_sha256, home_id, carer, level, created_ms, expires_ms, used_ms, operator_org)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?)", codeHash, invite.homeId(), invite.carer(), invite.level(),
                invite.created().toEpochMilli(), invite.expires().toEpochMilli(), invite.operatorOrg()));
    }

    Enrolment enrol(String codeHash, String deviceName, String credentialHash, Instant now) {
        return tx.write(c -> {
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
            Instant created = now.truncatedTo(ChronoUnit.MILLIS);
            String id = "d-" + Sql.newId();
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

    Optional<Device> deviceByCredential(String credentialHash) {
        return tx.read(c -> devices(c, DEVICE_COLUMNS + " WHERE credential_sha256 = ? AND revoked_ms IS NULL", credentialHash)
                .stream().findFirst());
    }

    List<Device> devicesOf(String carer) {
        return tx.read(c -> devices(c, DEVICE_COLUMNS + " WHERE carer = ? AND revoked_ms IS NULL ORDER BY created_ms, id", carer));
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

    boolean revokeDevice(String deviceId, Instant now) {
        return tx.write(c -> {
            update(c, "DELETE FROM push_subscriptions WHERE device_id = ?", deviceId);
            return update(c, "UPDATE devices SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL", now.toEpochMilli(), deviceId) == 1;
        });
    }

    Set<String> revokedAmong(Collection<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Set.of();
        }
        return tx.read(c -> {
            Set<String> valid = new HashSet<>(query(c, "SELECT id FROM devices WHERE revoked_ms IS NULL AND id IN ("
                    + placeholders(deviceIds.size()) + ")", r -> r.getString(1), deviceIds.toArray()));
            Set<String> revoked = new HashSet<>(deviceIds);
            revoked.removeAll(valid);
            return revoked;
        });
    }

    long revokedDevices() {
        return tx.read(c -> query(c, "SELECT COUNT(*) FROM devices WHERE revoked_ms IS NOT NULL", r -> r.getLong(1)).get(0));
    }

    /** For a home's export: every device ever granted it, revoked ones too. */
    List<HomeDevice> homeDevices(String homeId) {
        return tx.read(c -> query(c, "SELECT d.id, d.carer, d.name, g.level, d.created_ms, d.revoked_ms,"
                + " (SELECT COUNT(*) FROM push_subscriptions s WHERE s.device_id = d.id)"
                + " FROM devices d JOIN device_homes g ON g.device_id = d.id WHERE g.home_id = ? ORDER BY d.created_ms, d.id",
                r -> new HomeDevice(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), Instant.ofEpochMilli(r.getLong(5)),
                        optionalInstant(r, 6), r.getInt(7) > 0), homeId));
    }

    /** For a home's export: its invites, used or not. */
    List<HomeInvite> invites(String homeId) {
        return tx.read(c -> query(c, "SELECT carer, level, created_ms, expires_ms, used_ms FROM invites WHERE home_id = ?"
                + " ORDER BY created_ms, carer", r -> new HomeInvite(r.getString(1), r.getInt(2), Instant.ofEpochMilli(r.getLong(3)),
                Instant.ofEpochMilli(r.getLong(4)), optionalInstant(r, 5)), homeId));
    }

    // ---- push subscriptions

    private static PushSubscription subscription(ResultSet r) throws SQLException {
        return new PushSubscription(r.getString(1), r.getString(2), r.getString(3), r.getString(4), Instant.ofEpochMilli(r.getLong(5)));
    }

    void putPushSubscription(PushSubscription s) {
        tx.write(c -> update(c, "INSERT INTO push_subscriptions (device_id, endpoint, p256dh, auth, created_ms) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (device_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh,"
                + " auth = excluded.auth, created_ms = excluded.created_ms",
                s.deviceId(), s.endpoint(), s.p256dh(), s.auth(), s.created().toEpochMilli()));
    }

    Optional<PushSubscription> pushSubscription(String deviceId) {
        return tx.read(c -> query(c, SUBSCRIPTION_COLUMNS + " WHERE s.device_id = ?", CarerTables::subscription, deviceId))
                .stream().findFirst();
    }

    List<PushSubscription> pushSubscriptions(String homeId, int maxLevel) {
        return tx.read(c -> query(c, SUBSCRIPTION_COLUMNS + " JOIN device_homes g ON g.device_id = s.device_id"
                + " JOIN devices d ON d.id = s.device_id WHERE g.home_id = ? AND g.level <= ? AND d.revoked_ms IS NULL"
                + " ORDER BY s.device_id", CarerTables::subscription, homeId, maxLevel));
    }

    boolean deletePushSubscription(String deviceId, String endpoint) {
        return tx.write(c -> update(c, "DELETE FROM push_subscriptions WHERE device_id = ? AND endpoint = ?", deviceId, endpoint) == 1);
    }

    // ---- the access log

    void logAccess(AccessEntry entry) {
        tx.write(c -> update(c, ACCESS_INSERT, entry.at().toEpochMilli(), entry.deviceId(), entry.homeId(), entry.what()));
    }

    void logAccess(List<AccessEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement(ACCESS_INSERT)) {
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

    List<AccessEntry> accessLog(String homeId) {
        return tx.read(c -> query(c, "SELECT at_ms, device_id, home_id, what FROM access_log WHERE home_id = ? ORDER BY at_ms",
                r -> new AccessEntry(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3), r.getString(4)), homeId));
    }
}
