/**
 * Wire protocol v1, shared by the gateway and the carer: the records that cross the network,
 * their JSON codec (CoAP content-format 50) and the resource paths. It knows no transport, so an
 * Android carer app can reuse it without Californium. See {@code docs/protocol.md}.
 */
package org.hearth.protocol;
