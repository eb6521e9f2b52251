/**
 * The home's sensors: typed events from debounced GPIO inputs, accelerometer samples, health
 * supervision, and simulation and file replay for the demo, tests and evaluation. This module
 * knows nothing of alerts; it reports what it senses to a {@link org.hearth.sensors.SensorListener}.
 */
package org.hearth.sensors;
