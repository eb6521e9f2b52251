/**
 * The {@code hearth-hub} program: its command line and {@link org.hearth.hub.Hub}, which wires the
 * store, the liveness watch and the uplink once, in one place.
 */
package org.hearth.hub;
