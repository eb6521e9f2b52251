/**
 * Web Push (docs/hub-api.md §3, "Web Push"): the hub's VAPID key (RFC 8292), the {@code aes128gcm}
 * content encryption of RFC 8291, and delivery to push services (RFC 8030) with retries, on the
 * JDK alone. New alerts are pushed to the devices of the carers they are for, after the store has
 * committed them.
 */
package org.hearth.hub.push;
