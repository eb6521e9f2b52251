/**
 * CoAP over DTLS with Eclipse Californium and Scandium: the gateway's server ({@code /status},
 * {@code /alerts}, {@code /alerts/{id}/ack}) and the client side that sends alerts and
 * heartbeats to carers. Californium types stay in this package. Its {@code Configuration} is
 * built in code, sized for a Pi, and never written to a properties file.
 */
package org.hearth.gateway.coap;
