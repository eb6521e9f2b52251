package org.hearth.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code hearth-hub bench} run small: 20 gateways over real DTLS against the real hub process on a
 * real PostgreSQL (fsync on), 20 carers' HTTPS live streams, and real Mosquitto with TLS-PSK. Large,
 * as it runs the hub daemon as its own process.
 */
@Tag("large")
class HubBenchTest {

    private static final Pattern LINE = Pattern.compile("hub: gateways=20 alerts=(\\d+) lost=(\\d+) p50_ms=(\\d+\\.\\d) p99_ms=(\\d+\\.\\d)"
            + " floor_ms=(\\d+\\.\\d) peer_p99_ms=(\\d+\\.\\d) rss_mb=(\\d+) cpu_pct=(\\d+\\.\\d)\n");

    @Test
    void twenty_gateways_lose_no_alert_and_the_one_line_has_every_figure() {
        StringWriter out = new StringWriter();
        CommandLine bench = new CommandLine(new BenchCommand()).setOut(new PrintWriter(out));
        int exit = bench.execute("--gateways", "20", "--alerts-per-second", "20", "--duration", "3s");

        Matcher line = LINE.matcher(out.toString());
        assertThat(line.matches()).as("exactly one line of figures: %s", out).isTrue();
        assertThat(exit).isZero();
        assertThat(Integer.parseInt(line.group(1))).as("3 s at 20 a second").isEqualTo(60);
        assertThat(Integer.parseInt(line.group(2))).as("lost").isZero();
        double p50 = Double.parseDouble(line.group(3));
        double p99 = Double.parseDouble(line.group(4));
        assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
        assertThat(Double.parseDouble(line.group(5))).as("floor").isPositive();
        assertThat(Double.parseDouble(line.group(6))).as("Mosquitto's p99: every alert went through it too").isPositive();
        assertThat(Integer.parseInt(line.group(7))).as("the hub process's peak RSS, MB").isGreaterThan(20);
        assertThat(Double.parseDouble(line.group(8))).as("the hub process's CPU").isPositive();
    }
}
