/**
 * The {@code hearth eval} commands: replay public, recorded real-world data through the same
 * detector code the daemon runs, in virtual time, and report openly how well it does.
 * {@link org.hearth.tools.eval.FallEvaluation} scores the worn-sensor fall detector on
 * SisFall; {@link org.hearth.tools.eval.InactivityEvaluation} scores the activity detectors
 * on CASAS event logs, with injected collapses.
 */
package org.hearth.tools.eval;
