/**
 * The hub's side of the uplink: Californium and Scandium stay in this package. Gateways dial out
 * over DTLS 1.2 with Connection ID; the PSK identity alone decides which home a request is for.
 */
package org.hearth.hub.uplink;
