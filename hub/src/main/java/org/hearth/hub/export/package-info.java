/**
 * A home's export: everything the hub holds about one home, as one JSON document, for a
 * subject-access request (docs/privacy.md). Reads the store only; knows no network and no clock
 * of its own.
 */
package org.hearth.hub.export;
