/**
 * The {@code hearth eval} commands: replay recorded real-world data through the same detector
 * code the daemon runs, in virtual time, and report how well it does, openly.
 */
package org.hearth.gateway.app.eval;
