/**
 * The hub's store: one JDBC implementation whose migrations run unchanged on SQLite (the default,
 * in the data directory) and PostgreSQL. Only this package touches JDBC. It also keeps the live
 * stream's entries, appended in the same transaction as what they tell of.
 */
package org.hearth.hub.store;
