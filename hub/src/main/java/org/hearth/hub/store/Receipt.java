package org.hearth.hub.store;

import java.time.Instant;
import java.util.UUID;

/** A carer's device said it received an alert (docs/hub-api.md §3, "Receipts"): the first time, per device. */
public record Receipt(UUID alertId, String deviceId, String carer, Instant received) {

    /** What storing a receipt did. */
    public enum Outcome {
        /** The first receipt of this alert by any device of this carer. */
        FIRST_FOR_CARER,
        /** The first by this device; another device of the carer was first. */
        FIRST_FOR_DEVICE,
        /** This device said so before; nothing changed. */
        ALREADY
    }
}
