/**
 * The gateway's side of the care hub (docs/hub-api.md §2), free of any network library: which
 * alert events the hub has yet to hear and in what order, how the hub's down entries are applied
 * through the alert machine, when a home summary is sent, and which carers are reached through
 * the hub. The transport is a {@link org.hearth.gateway.domain.hub.HubLink}.
 */
package org.hearth.gateway.domain.hub;
