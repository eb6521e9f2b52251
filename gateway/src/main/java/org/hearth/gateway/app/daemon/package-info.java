/**
 * The running home: {@link org.hearth.gateway.app.daemon.Daemon} wires the store, the alert core,
 * the sensor drivers, the CoAP server, the hub uplink and the resident's voice in a fixed order;
 * {@code SensorRouting} sends each sensor report on by what it is. It needs no command.
 */
package org.hearth.gateway.app.daemon;
