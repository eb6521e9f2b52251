package org.hearth.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.hearth.gateway.domain.activity.LearnedRoutine;
import org.hearth.gateway.domain.activity.RoutineStore;
import org.hearth.gateway.domain.activity.Whereabouts;

/**
 * The inactivity detector's learned routine and the resident's whereabouts in SQLite. Writes are
 * durable ({@code synchronous=FULL}) and rare: the routine once a day, the whereabouts when the
 * resident goes out or comes back. The routine is replaced whole, in one transaction, so a power
 * cut leaves either yesterday's routine or today's, never half of each.
 */
public final class SqliteRoutineStore implements RoutineStore {

    private final SqliteDatabase db;

    public SqliteRoutineStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<LearnedRoutine> routine() {
        try {
            Instant watchedSince;
            List<Double> up;
            try (Statement s = db.connection().createStatement();
                 ResultSet head = s.executeQuery("SELECT watched_since, up_minutes FROM routine WHERE id = 1")) {
                if (!head.next()) {
                    return Optional.empty();
                }
                watchedSince = Instant.ofEpochMilli(head.getLong(1));
                up = minutes(head.getString(2), "routine.up_minutes");
            }
            Map<String, List<List<Double>>> quiet = new HashMap<>();
            try (Statement s = db.connection().createStatement();
                 ResultSet rows = s.executeQuery("SELECT room, hour_of_week, minutes FROM routine_quiet")) {
                while (rows.next()) {
                    String room = rows.getString(1);
                    int hour = rows.getInt(2);
                    if (room == null || hour < 0 || hour >= LearnedRoutine.HOURS_PER_WEEK) {
                        throw new Unreadable("routine_quiet has a row for room " + room + " and hour of the week " + hour);
                    }
                    quiet.computeIfAbsent(room, r -> emptyWeek()).set(hour, minutes(rows.getString(3),
                            "routine_quiet for " + room + " at hour " + hour));
                }
            }
            return Optional.of(new LearnedRoutine(watchedSince, quiet, up));
        } catch (IllegalArgumentException e) {
            throw new Unreadable(e.getMessage());
        } catch (SQLException e) {
            throw new StoreException("cannot read the learned routine: " + e.getMessage(), e);
        }
    }

    @Override
    public void saveRoutine(LearnedRoutine routine) {
        db.inTransaction(true, () -> {
            try (Statement s = db.connection().createStatement()) {
                s.execute("DELETE FROM routine_quiet");
            }
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT INTO routine_quiet(room, hour_of_week, minutes) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, List<List<Double>>> room : routine.quiet().entrySet()) {
                    for (int h = 0; h < LearnedRoutine.HOURS_PER_WEEK; h++) {
                        List<Double> cell = room.getValue().get(h);
                        if (!cell.isEmpty()) {
                            ps.setString(1, room.getKey());
                            ps.setInt(2, h);
                            ps.setString(3, text(cell));
                            ps.addBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT OR REPLACE INTO routine(id, watched_since, up_minutes) VALUES (1, ?, ?)")) {
                ps.setLong(1, routine.watchedSince().toEpochMilli());
                ps.setString(2, text(routine.upMinutes()));
                ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Whereabouts> whereabouts() {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT away, since FROM whereabouts WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            int away = rs.getInt(1);
            if (away != 0 && away != 1) {
                throw new Unreadable("whereabouts.away is " + away + ", not 0 or 1");
            }
            return Optional.of(new Whereabouts(away == 1, Instant.ofEpochMilli(rs.getLong(2))));
        } catch (SQLException e) {
            throw new StoreException("cannot read whether the resident is out: " + e.getMessage(), e);
        }
    }

    @Override
    public void saveWhereabouts(Whereabouts w) {
        db.inTransaction(true, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT OR REPLACE INTO whereabouts(id, away, since) VALUES (1, ?, ?)")) {
                ps.setInt(1, w.away() ? 1 : 0);
                ps.setLong(2, w.since().toEpochMilli());
                ps.executeUpdate();
            }
        });
    }

    private static List<List<Double>> emptyWeek() {
        List<List<Double>> week = new ArrayList<>(LearnedRoutine.HOURS_PER_WEEK);
        for (int h = 0; h < LearnedRoutine.HOURS_PER_WEEK; h++) {
            week.add(List.of());
        }
        return week; // set() replaces a whole hour, so the immutable empty lists are never changed
    }

    /** Double.toString reads back to the same double, so a restored routine gives the same limits. */
    private static String text(List<Double> minutes) {
        StringJoiner j = new StringJoiner(" ");
        minutes.forEach(m -> j.add(Double.toString(m)));
        return j.toString();
    }

    private static List<Double> minutes(String text, String where) {
        if (text == null) {
            throw new Unreadable(where + " is missing");
        }
        List<Double> out = new ArrayList<>();
        for (String s : text.trim().split(" +")) {
            if (s.isEmpty()) {
                continue;
            }
            try {
                out.add(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                throw new Unreadable(where + " holds '" + s + "', not a number of minutes");
            }
        }
        return out;
    }
}
