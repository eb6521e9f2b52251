/**
 * The gateway's CoAP resources, one per file: {@code /status}, {@code /alerts} with
 * {@code /alerts/{id}/ack} and {@code /resolve} (a carer's proven DTLS identity acting on one
 * alert), and {@code /local/...} (tools on this machine, with the daemon's token, on the plain
 * loopback endpoint only). Each asks the gateway through {@code GatewayHandlers} or
 * {@code LocalControl} and never touches domain state.
 */
package org.hearth.gateway.coap.resources;
