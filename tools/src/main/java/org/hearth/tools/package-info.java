/**
 * Developers' tools, kept out of the production jars and the .deb: {@code bench} measures parts of
 * Hearth on this machine, {@code eval} scores the detectors on recorded public data.
 * {@link org.hearth.tools.HearthTools} adds both to the {@code hearth} command line.
 */
package org.hearth.tools;
