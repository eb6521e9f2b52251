/**
 * Retention on the hub: what docs/privacy.md says the hub keeps no longer is deleted on a
 * schedule, in the store's own time terms. Reads no clock but the injected scheduler's.
 */
package org.hearth.hub.retention;
