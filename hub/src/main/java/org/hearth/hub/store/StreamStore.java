package org.hearth.hub.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the live stream reads. The store appends a {@link StreamEvent} itself whenever it stores a
 * new alert, alert event, summary or gateway event; readers read on from the last id they have seen,
 * when woken or polling.
 */
public interface StreamStore {

    /**
     * {@code listener} is run on the writing thread after every commit that appended entries and,
     * when hub nodes share a PostgreSQL store, on a listening thread after another node's such
     * commit. It is a wake-up only: it must return at once, and the entries are read with
     * {@link #streamAfter}.
     */
    void onAppended(Runnable listener);

    /** The newest id handed out so far (0 before any); ids are never reused, pruned or not. */
    long lastStreamId();

    /** Every home's entries with an id above {@code afterId}, oldest first, at most {@code limit}. */
    List<StreamEvent> streamAfter(long afterId, int limit);

    /** The given homes' entries with an id above {@code afterId}, oldest first, at most {@code limit}. */
    List<StreamEvent> streamAfter(long afterId, Collection<String> homeIds, int limit);

    /** Deletes entries stored before {@code before}; returns how many. */
    int pruneStream(Instant before);

    /** Those of {@code deviceIds} that are revoked or gone. */
    Set<String> revokedAmong(Collection<String> deviceIds);

    /**
     * How many devices have ever been revoked: it grows at each revocation (devices are never
     * deleted), so a reader that saw the same number last time knows no device was revoked since.
     */
    long revokedDevices();
}
