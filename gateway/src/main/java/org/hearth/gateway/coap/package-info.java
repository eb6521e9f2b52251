/**
 * CoAP over DTLS with Eclipse Californium and Scandium, the gateway's side: the server
 * ({@link org.hearth.gateway.coap.CoapGatewayServer}: its endpoints and, in {@code resources},
 * one file per resource), the channel that sends alerts and heartbeats to carers from an endpoint
 * of its own ({@link org.hearth.gateway.coap.CoapAlertChannel} and its {@code CarerLink}), the
 * hub's uplink, and loopback tools. Keys, Californium's {@code Configuration} and the DTLS
 * endpoints themselves come from the {@code transport} module. Californium types stay in this
 * package.
 */
package org.hearth.gateway.coap;
