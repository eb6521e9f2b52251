package org.hearth.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's Web Push subscription, as its browser's {@code PushSubscription} gave it: one per
 * device, replaced when the browser subscribes again.
 *
 * @param endpoint the push service's {@code https://} address for this subscription
 * @param p256dh   the browser's P-256 public key, base64url
 * @param auth     the browser's 16-byte authentication secret, base64url
 */
public record PushSubscription(String deviceId, String endpoint, String p256dh, String auth, Instant created) {

    public PushSubscription {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(p256dh, "p256dh");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(created, "created");
    }
}
