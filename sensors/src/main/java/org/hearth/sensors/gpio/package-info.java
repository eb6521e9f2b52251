/**
 * Digital sensors on the Pi's GPIO header through Pi4J: provider selection, debounce and the
 * simulated home the demo and walk test drive. Pi4J types stay inside this package.
 */
package org.hearth.sensors.gpio;
