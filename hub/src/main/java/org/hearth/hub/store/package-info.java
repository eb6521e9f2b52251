/**
 * The hub's store: one JDBC implementation whose migrations run unchanged on SQLite (the default,
 * in the data directory) and PostgreSQL. Only this package touches JDBC.
 */
package org.hearth.hub.store;
