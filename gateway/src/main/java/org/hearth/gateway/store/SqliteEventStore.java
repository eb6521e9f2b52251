package org.hearth.gateway.store;

import java.sql.PreparedStatement;
import org.hearth.gateway.domain.EventStore;
import org.hearth.sensors.SensorEvent;

/** Sensor events in SQLite, committed with synchronous=NORMAL: safe against a process crash, light on the SD card. */
public final class SqliteEventStore implements EventStore {

    private final SqliteDatabase db;

    public SqliteEventStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void append(SensorEvent e) {
        db.inTransaction(false, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT INTO events(at, sensor, room, kind, active) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, e.at().toEpochMilli());
                ps.setString(2, e.sensorId());
                ps.setString(3, e.room());
                ps.setString(4, e.kind().configName());
                ps.setInt(5, e.active() ? 1 : 0);
                ps.executeUpdate();
            }
        });
    }
}
