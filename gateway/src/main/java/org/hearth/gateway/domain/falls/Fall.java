package org.hearth.gateway.domain.falls;

/**
 * A fall the detector found, with the measurements that made it one.
 *
 * @param impactMicros     when the impact began, in the samples' time (µs since the epoch)
 * @param detectedMicros   when the detector was sure: the end of the first still window after it
 * @param peakG            the highest |a| during the impact, in g
 * @param deltaV           the speed the impact took out of the body, in m/s
 * @param postureChangeDeg the angle between the posture before the fall and the posture lying still after it
 */
public record Fall(long impactMicros, long detectedMicros, double peakG, double deltaV, double postureChangeDeg) {
}
