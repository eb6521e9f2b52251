package org.hearth.hub.store;

import static org.hearth.hub.store.Sql.optionalInstant;
import static org.hearth.hub.store.Sql.placeholders;
import static org.hearth.hub.store.Sql.query;
import static org.hearth.hub.store.Sql.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The homes: their keys, labels, organisations and phone numbers, and the operators' overview of them. */
final class HomeTables {

    private static final String HOME_COLUMNS = "SELECT id, label, identity, psk_hex, created_ms, phone FROM homes";
    /** Ids per query: well under SQLite's and PostgreSQL's limits on parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final Transactions tx;

    HomeTables(Transactions tx) {
        this.tx = tx;
    }

    List<String> homesOf(String org) {
        return tx.read(c -> query(c, "SELECT id FROM homes WHERE org = ? ORDER BY id", r -> r.getString(1), org));
    }

    Home addHome(String label, String org, byte[] key, Instant now) {
        return tx.write(c -> {
            String id = Sql.newId();
            Home home = new Home(id, label, Home.identityOf(id), key, now.truncatedTo(ChronoUnit.MILLIS));
            update(c, "INSERT INTO homes (id, label, identity, psk_hex, created_ms, org) VALUES (?, ?, ?, ?, ?, ?)",
                    home.id(), label, home.identity(), HexFormat.of().formatHex(key), home.created().toEpochMilli(), org);
            return home;
        });
    }

    Optional<Home> home(String id) {
        return tx.read(c -> query(c, HOME_COLUMNS + " WHERE id = ?", HomeTables::home, id).stream().findFirst());
    }

    Optional<Home> homeByIdentity(String identity) {
        return tx.read(c -> query(c, HOME_COLUMNS + " WHERE identity = ?", HomeTables::home, identity).stream().findFirst());
    }

    List<Home> homes() {
        return tx.read(c -> query(c, HOME_COLUMNS + " ORDER BY created_ms, id", HomeTables::home));
    }

    private static Home home(ResultSet r) throws SQLException {
        return new Home(r.getString(1), r.getString(2), r.getString(3), HexFormat.of().parseHex(r.getString(4)),
                Instant.ofEpochMilli(r.getLong(5)), Optional.ofNullable(r.getString(6)));
    }

    boolean setPhone(String homeId, Optional<String> phone) {
        String stored = phone.map(p -> PhoneNumbers.normalise(p).orElseThrow(() -> new IllegalArgumentException(PhoneNumbers.RULE)))
                .orElse(null);
        return tx.write(c -> update(c, "UPDATE homes SET phone = ? WHERE id = ?", stored, homeId) == 1);
    }

    List<HomeOverview> homeOverviews(Collection<String> homeIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(homeIds));
        return tx.read(c -> {
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
}
