/**
 * The sensors benchmark behind {@code hearth bench sensors}: edge-to-event latency through Pi4J's
 * mock provider onto a real event loop, and the CPU cost of the 200 Hz accelerometer pipeline.
 * Figures are reported, never asserted: they depend on the machine.
 */
package org.hearth.sensors.bench;
