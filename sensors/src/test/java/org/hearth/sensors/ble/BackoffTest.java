package org.hearth.sensors.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class BackoffTest {

    @Test
    void waits_one_second_then_doubles_up_to_the_ceiling_and_stays_there() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10));

        assertThat(Stream.generate(backoff::next).limit(6)).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    @Test
    void a_reset_starts_again_from_one_second() {
        Backoff backoff = new Backoff(Duration.ofMinutes(10));
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_ceiling_under_a_second_is_every_wait() {
        Backoff backoff = new Backoff(Duration.ofMillis(300));

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(300));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> new Backoff(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
