package org.hearth.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the hub keeps. Every write is durable when the method returns, so an answer sent
 * after it is a true receipt. Methods throw {@link StoreException} when the store is unreachable.
 */
public interface HubStore extends LivenessStore, StreamStore, AutoCloseable {

    /** The ids of the homes {@code org}'s operators watch. */
    List<String> homesOf(String org);

    /** Adds a home with a fresh id and the given key, in no organisation. */
    default Home addHome(String label, byte[] key, Instant now) {
        return addHome(label, "", key, now);
    }

    /** Adds a home with a fresh id and the given key; {@code org} names the organisation whose operators watch it, or is empty. */
    Home addHome(String label, String org, byte[] key, Instant now);

    Optional<Home> home(String id);

    /**
     * Sets the resident's phone number of a home ({@link PhoneNumbers#normalise} decides what is one, and it is stored
     * normalised), or removes it when empty; false when there is no such home.
     *
     * @throws IllegalArgumentException when {@code phone} holds no phone number
     */
    boolean setPhone(String homeId, Optional<String> phone);

    /** The home whose gateway offers this PSK identity, read from the store every time. */
    Optional<Home> homeByIdentity(String identity);

    List<Home> homes();

    /** Removes a home and everything kept for it; false if there was no such home. */
    boolean removeHome(String id);

    /**
     * Stores an alert once per id: STORED (and a {@link StreamEvent.Kind#ALERT} in the same
     * transaction), ALREADY_STORED, or OTHER_HOME if another home holds the id.
     */
    Outcome addAlert(String homeId, UUID id, String json, Instant received);

    Optional<StoredAlert> alert(UUID id);

    /** A home's alerts, oldest first. */
    List<StoredAlert> alerts(String homeId);

    /**
     * Applies an alert's event once per {@code (alertId, seq)}: stores it and, when it is the newest
     * so far, sets the alert's state; a new one is a {@link StreamEvent.Kind#ALERT_EVENT} too. NOT_FOUND
     * for an unknown alert, OTHER_HOME for another home's.
     */
    Outcome addEvent(String homeId, UUID alertId, long seq, String state, String json, Instant received);

    /** An alert's events in {@code seq} order. */
    List<StoredEvent> events(UUID alertId);

    /** Replaces the home's summary, and appends it to the stream. */
    void putSummary(String homeId, String json, Instant received);

    Optional<StoredSummary> summary(String homeId);

    /** Queues an entry for the home's gateway; returns its seq. */
    long addDown(String homeId, String kind, String body, Instant now);

    /** Entries not yet applied, in seq order. */
    List<DownEntry> pendingDown(String homeId);

    /** Marks an entry applied; false if the home has no such pending entry. */
    boolean applyDown(String homeId, long seq, Instant now);

    /** Keeps an invite under the SHA-256 (hex) of its code. */
    void addInvite(String codeHash, Invite invite);

    /**
     * Uses the invite with this code hash, at most once, and makes a device in the same
     * transaction: the device's credential is kept only as {@code credentialHash}.
     */
    Enrolment enrol(String codeHash, String deviceName, String credentialHash, Instant now);

    /** The device holding this credential (its SHA-256, hex), unless revoked. */
    Optional<Device> deviceByCredential(String credentialHash);

    /** A carer's devices not revoked, oldest first. */
    List<Device> devicesOf(String carer);

    /** Revokes a device at once, and deletes its push subscription; false if there is no such device or it was revoked before. */
    boolean revokeDevice(String deviceId, Instant now);

    /** Keeps a device's push subscription, replacing the one it had. */
    void putPushSubscription(PushSubscription subscription);

    /** The device's push subscription, if it has one. */
    Optional<PushSubscription> pushSubscription(String deviceId);

    /** The subscriptions of the devices, not revoked, that may see the home at a ladder level up to {@code maxLevel}. */
    List<PushSubscription> pushSubscriptions(String homeId, int maxLevel);

    /**
     * Deletes the device's subscription if it is still the one with this endpoint (one the browser
     * made since stays); false if there was none.
     */
    boolean deletePushSubscription(String deviceId, String endpoint);

    /** Records that a device of {@code carer} received an alert of {@code homeId}; once per device, the first time kept. */
    Receipt.Outcome addReceipt(String homeId, UUID alertId, String deviceId, String carer, Instant received);

    /** An alert's receipts, first first. */
    List<Receipt> receipts(UUID alertId);

    /** Writes one line of a home's access log. */
    void logAccess(AccessEntry entry);

    /** Writes lines of access logs, all in one transaction. */
    void logAccess(List<AccessEntry> entries);

    /** The overview of each of these homes that exists, in no particular order, in a few queries however many there are. */
    List<HomeOverview> homeOverviews(java.util.Collection<String> homeIds);

    /** A home's access log, oldest first. */
    List<AccessEntry> accessLog(String homeId);

    /** A home's SILENT and BACK events, oldest first. */
    List<GatewayEvent> gatewayEvents(String homeId);

    /** The devices ever granted the home (revoked ones too), oldest first; for its export. */
    List<HomeDevice> homeDevices(String homeId);

    /** The home's invites, used or not, oldest first; for its export. */
    List<HomeInvite> invites(String homeId);

    /** Every entry queued for the home's gateway, applied or not, in seq order; for its export. */
    List<DownRecord> downLog(String homeId);

    /**
     * Deletes what is past its time (docs/privacy.md, "Retention on the hub"), in one transaction:
     * resolved alerts with no event received since {@code historyBefore}, with their events and
     * receipts; entries the gateway applied, and SILENT and BACK events, from before it; access log
     * lines from before {@code accessBefore}. An alert not resolved is never deleted.
     */
    Pruned prune(Instant historyBefore, Instant accessBefore);

    /** What one {@link #prune} deleted. */
    record Pruned(int alerts, int events, int receipts, int downEntries, int gatewayEvents, int accessEntries) {
        public int total() {
            return alerts + events + receipts + downEntries + gatewayEvents + accessEntries;
        }
    }

    @Override
    void close();
}
