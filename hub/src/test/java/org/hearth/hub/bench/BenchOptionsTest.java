package org.hearth.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options the bench refuses before it starts anything, and its percentiles. */
@Tag("small")
class BenchOptionsTest {

    String refused(String... args) {
        StringWriter err = new StringWriter();
        CommandLine bench = new CommandLine(new BenchCommand()).setErr(new PrintWriter(err, true));
        assertThat(bench.execute(args)).isEqualTo(2);
        return err.toString();
    }

    @Test
    void impossible_options_exit_2_with_the_reason() {
        assertThat(refused("--gateways", "0")).contains("--gateways must be from 1 to 10000");
        assertThat(refused("--store", "mysql")).contains("--store must be postgresql or sqlite, was mysql");
        assertThat(refused("--duration", "soon")).contains("must be a duration like 30s, 5m or 1h, was soon");
        assertThat(refused("--heartbeat", "5s")).contains("--heartbeat must be from 10s to 15m");
    }

    @Test
    void an_alert_committed_and_never_received_is_lost_and_percentiles_are_nearest_rank() {
        Receipts r = new Receipts();
        java.util.UUID a = java.util.UUID.randomUUID();
        java.util.UUID b = java.util.UUID.randomUUID();
        r.committed(a, 1_000_000);
        r.committed(b, 2_000_000);
        r.received(a, 4_000_000);
        r.received(a, 9_000_000);
        r.received(java.util.UUID.randomUUID(), 5_000_000);
        assertThat(r.committedCount()).isEqualTo(2);
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.percentileMs(99)).as("the first receipt counts").isEqualTo(3.0);
        assertThat(Receipts.percentile(List.of(5L, 1L, 4L, 2L, 3L), 50)).isEqualTo(3.0);
        assertThat(Receipts.percentile(List.of(), 50)).isNaN();
    }
}
