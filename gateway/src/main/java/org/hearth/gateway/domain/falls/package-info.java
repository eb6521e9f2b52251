/**
 * Falls seen by a worn accelerometer: {@link org.hearth.gateway.domain.falls.FallDetector} is the
 * staged, streaming detector (impact, then stillness and a posture change against the posture
 * before it, judged against the wearer's upright once {@code UprightEstimate} has learnt it from
 * their walking); {@link org.hearth.gateway.domain.falls.WornFallDetector} runs one per worn sensor
 * on the event loop and asks the resident first through a pre-alarm. Pure code: the samples carry
 * their own time, and the wall clock is read only to word the alert.
 */
package org.hearth.gateway.domain.falls;
