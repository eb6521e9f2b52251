/**
 * {@code hearth eval}: replays public, recorded data through the same detectors the daemon runs,
 * in virtual time, and scores them. {@link org.hearth.gateway.app.eval.FallEvaluation} scores the
 * worn-sensor fall detector on SisFall; {@link org.hearth.gateway.app.eval.EvalFallsCommand} is
 * its command line.
 */
package org.hearth.gateway.app.eval;
