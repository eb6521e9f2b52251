/**
 * SQLite storage through sqlite-jdbc: one database in WAL mode with one writer, the event loop.
 * Alert, audit and outbox writes commit with {@code synchronous=FULL}; sensor events with NORMAL,
 * which survives a crash of the process and costs the SD card less. The schema is versioned in
 * {@code PRAGMA user_version} and migrated forward at open. JDBC types stay in this package.
 */
package org.hearth.gateway.store;
