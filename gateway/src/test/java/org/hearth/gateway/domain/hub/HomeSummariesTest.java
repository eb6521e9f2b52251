package org.hearth.gateway.domain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.HomeSummary;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The summary goes on change at most once a minute, at once when asked, and again after a failure. */
@Tag("small")
class HomeSummariesTest {

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-12-05T08:00:00Z"), ZoneId.of("Europe/London"));
    private final List<HomeSummary> put = new ArrayList<>();
    private boolean hubTakes = true;
    private int openAlerts;

    private final HubLink hub = new HubLink() {
        @Override
        public CompletionStage<Boolean> postEvent(AlertEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Boolean> putSummary(HomeSummary summary) {
            put.add(summary);
            return CompletableFuture.completedFuture(hubTakes);
        }

        @Override
        public CompletionStage<Boolean> deleteDown(long seq) {
            throw new UnsupportedOperationException();
        }
    };

    private final HomeSummaries summaries = new HomeSummaries(() -> new HomeSummary(1, "Flat 12", clock.now(), List.of(),
            new HomeSummary.Resident(HomeSummary.ResidentState.UNKNOWN, "at home", null), List.of(), openAlerts,
            new HomeSummary.Gateway("development", Instant.parse("2026-12-05T07:00:00Z"))), hub, clock);

    @Test
    void a_quiet_home_sends_once_then_only_what_changed_and_a_carer_can_always_ask() {
        clock.execute(summaries::start);
        clock.runDue();
        assertThat(put).hasSize(1);

        clock.advanceBy(Duration.ofMinutes(10));
        assertThat(put).as("nothing changed in ten minutes").hasSize(1);

        openAlerts = 1;
        clock.advanceBy(Duration.ofSeconds(59));
        assertThat(put).as("a change waits for the next look, at most a minute").hasSize(1);
        clock.advanceBy(Duration.ofSeconds(1));
        assertThat(put).hasSize(2);
        assertThat(put.get(1).openAlerts()).isEqualTo(1);

        summaries.sendNow();
        clock.runDue();
        assertThat(put).as("asked: sent though nothing changed").hasSize(3);
    }

    @Test
    void a_summary_the_hub_did_not_take_is_sent_again_at_the_next_look() {
        hubTakes = false;
        clock.execute(summaries::start);
        clock.runDue();
        hubTakes = true;
        clock.advanceBy(Duration.ofMinutes(1));
        clock.advanceBy(Duration.ofMinutes(1));
        assertThat(put).hasSize(2);
    }
}
