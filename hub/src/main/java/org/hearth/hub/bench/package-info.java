/**
 * {@code hearth-hub bench}: simulated gateways (real Scandium DTLS sessions with Connection ID) and
 * carers' devices (real HTTPS live streams) against a real hub process on a PostgreSQL or SQLite
 * store, with the same alert path through Mosquitto beside it; one line of figures. Not production
 * code: the daemon never depends on this package, and its MQTT and TLS-PSK libraries are not in the
 * daemon's runtime classpath (docs/architecture.md, docs/performance.md).
 */
package org.hearth.hub.bench;
