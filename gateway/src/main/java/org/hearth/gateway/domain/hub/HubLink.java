package org.hearth.gateway.domain.hub;

import java.util.concurrent.CompletionStage;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.HomeSummary;

/**
 * The uplink to the care hub, as the domain sees it. Completion may come on any thread; callers
 * post it back to the event loop.
 */
public interface HubLink {

    /** Completes true when the hub's receipt names this event ({@code "{id}:{seq}"}). */
    CompletionStage<Boolean> postEvent(AlertEvent event);

    /** Completes true when the hub stored the summary (2.04). */
    CompletionStage<Boolean> putSummary(HomeSummary summary);

    /** Completes true when the hub dropped down entry {@code seq} (2.02): it was applied here. */
    CompletionStage<Boolean> deleteDown(long seq);
}
