package org.hearth.sensors.ble;

import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.health.HealthEvent;

/**
 * Where a pendant's link to the gateway stands, for code: each state but {@link #STREAMING} is
 * OFFLINE in health supervision, with the {@link #cause} that groups it with other sensors.
 */
public enum PendantLink {
    /** Connecting, or waiting for BlueZ to resolve its services. */
    CONNECTING,
    /** Connected and notifying. */
    STREAMING,
    /** Nobody owns {@code org.bluez} on the bus: bluetoothd stopped or is restarting. */
    NO_BLUEZ,
    /** BlueZ runs but has no such adapter (unplugged, reset, or not yet found after a restart), or it is powered off. */
    NO_ADAPTER,
    /** BlueZ does not know the pendant: it was never paired, or was removed. */
    NOT_PAIRED,
    /** BlueZ knows it but it does not answer, or it disconnected. */
    OUT_OF_RANGE,
    /** It answers but is not set up as its profile expects (a missing characteristic, a failed write). */
    NOT_SET_UP;

    /**
     * What is at fault, as {@link HealthEvent#cause()}: BlueZ or the adapter gone takes every pendant
     * down together ({@link HealthEvent#BLUETOOTH}, one alert); the rest is the pendant's own.
     */
    public String cause(PendantSpec spec) {
        return this == NO_BLUEZ || this == NO_ADAPTER ? HealthEvent.BLUETOOTH : HealthEvent.ownCause(spec.id());
    }
}
