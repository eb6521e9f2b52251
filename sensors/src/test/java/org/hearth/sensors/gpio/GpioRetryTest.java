package org.hearth.sensors.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.SensorHealth;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * GPIO that will not open at start is retried every minute, in virtual time, through Pi4J's mock
 * provider made to fail the way gpiod does on a machine without a chip: the provider starts, then
 * every pin fails, and it never finds a chip that appears later unless it is started afresh.
 */
@Tag("medium")
class GpioRetryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static final SensorSpec CORD = new SensorSpec("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 17, Pull.UP, true,
            Duration.ofMillis(20), Duration.ofDays(30));
    private static final SensorSpec BUTTON = new SensorSpec("help-lounge", "lounge", SensorKind.HELP_BUTTON, 27, Pull.UP, true,
            Duration.ofMillis(20), Duration.ofDays(30));

    private final VirtualScheduler time = new VirtualScheduler(T0, ZoneOffset.UTC);
    private final List<HealthEvent> changes = new ArrayList<>();
    private final List<SensorEvent> events = new ArrayList<>();
    private final HealthSupervisor supervisor = new HealthSupervisor(time, changes::add);
    private final Board board = new Board();
    private DigitalSensors sensors;

    /** The machine's GPIO as the failing provider sees it. */
    static final class Board {
        boolean chip;
        boolean providerStarts = true;
        final Set<Integer> busy = new HashSet<>();
        int contextsMade;

        Supplier<Context> contexts() {
            return () -> {
                if (!providerStarts) {
                    throw new UnsatisfiedLinkError("libgpiod.so: cannot open shared object file");
                }
                contextsMade++;
                return Pi4J.newContextBuilder().noAutoDetect().disableShutdownHook().add(new Provider(this, chip)).build();
            };
        }
    }

    /** Pi4J's mock input provider, failing as gpiod does. */
    static final class Provider extends MockDigitalInputProviderImpl {
        private final Board board;
        private final boolean chipAtStart;

        Provider(Board board, boolean chipAtStart) {
            this.board = board;
            this.chipAtStart = chipAtStart;
        }

        @Override
        public DigitalInput create(DigitalInputConfig config) {
            if (!chipAtStart) {
                throw new IllegalStateException("No gpio chip yet initialized!");
            }
            if (board.busy.contains(config.address())) {
                throw new IllegalStateException("Device or resource busy");
            }
            return super.create(config);
        }
    }

    private void open(SensorSpec... specs) throws GpioException {
        for (SensorSpec s : specs) {
            supervisor.watch(SupervisedSensor.digital(s));
        }
        sensors = DigitalSensors.open(board.contexts(), "mock-digital-input", List.of(specs), time, supervisor.observing(events::add),
                supervisor, HealthReporter.RETRY_EVERY);
    }

    private void pull(SensorSpec spec) {
        MockDigitalInput input = (MockDigitalInput) sensors.input(spec.id());
        input.mockState(DigitalState.LOW);
        time.advanceBy(Duration.ofSeconds(1));
        input.mockState(DigitalState.HIGH);
        time.advanceBy(Duration.ofSeconds(1));
    }

    private HealthStatus status(SensorSpec spec) {
        return supervisor.health(spec.id()).orElseThrow().status();
    }

    @AfterEach
    void close() {
        if (sensors != null) {
            sensors.close();
        }
        supervisor.close();
    }

    @Test
    void with_no_gpio_chip_every_pin_is_offline_for_one_cause_and_works_a_minute_after_the_chip_appears() throws Exception {
        open(CORD, BUTTON);

        assertThat(changes).extracting(HealthEvent::sensorId, HealthEvent::current, HealthEvent::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cord-bathroom", HealthStatus.OFFLINE, HealthEvent.GPIO),
                org.assertj.core.groups.Tuple.tuple("help-lounge", HealthStatus.OFFLINE, HealthEvent.GPIO));
        assertThat(supervisor.snapshot()).extracting(SensorHealth::describe).containsExactly(
                "OFFLINE (BCM 17 could not be opened with mock-digital-input (No gpio chip yet initialized!); trying again every 60 s)",
                "OFFLINE (BCM 27 could not be opened with mock-digital-input (No gpio chip yet initialized!); trying again every 60 s)");

        time.advanceBy(Duration.ofMinutes(5));
        assertThat(changes).hasSize(2);
        assertThat(board.contextsMade).isEqualTo(6);

        board.chip = true;
        time.advanceBy(Duration.ofSeconds(59));
        assertThat(status(CORD)).isEqualTo(HealthStatus.OFFLINE);
        time.advanceBy(Duration.ofSeconds(1));

        assertThat(changes.subList(2, 4)).extracting(HealthEvent::sensorId, HealthEvent::current, HealthEvent::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cord-bathroom", HealthStatus.ONLINE, HealthEvent.GPIO),
                org.assertj.core.groups.Tuple.tuple("help-lounge", HealthStatus.ONLINE, HealthEvent.GPIO));
        assertThat(supervisor.health(CORD.id()).orElseThrow().describe()).isEqualTo("ONLINE (working again; waiting for the first event)");
        assertThat(supervisor.health(CORD.id()).orElseThrow().lastEvent()).isEmpty();

        pull(CORD);
        assertThat(events).extracting(SensorEvent::sensorId, SensorEvent::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cord-bathroom", true),
                        org.assertj.core.groups.Tuple.tuple("cord-bathroom", false));
        int contexts = board.contextsMade;
        time.advanceBy(Duration.ofMinutes(10));
        assertThat(board.contextsMade).as("no retry once every pin is open").isEqualTo(contexts);
    }

    @Test
    void a_pin_opened_again_is_timed_for_silence_from_then_not_from_the_start() throws Exception {
        SensorSpec pir = new SensorSpec("pir-hall", "hall", SensorKind.PIR, 4, Pull.OFF, false, Duration.ofMillis(20), Duration.ofHours(2));
        supervisor.start();
        open(pir);
        time.advanceBy(Duration.ofHours(3));
        board.chip = true;
        time.advanceBy(Duration.ofMinutes(1));
        assertThat(status(pir)).isEqualTo(HealthStatus.ONLINE);

        time.advanceBy(Duration.ofMinutes(118));
        assertThat(status(pir)).isEqualTo(HealthStatus.ONLINE);
        time.advanceBy(Duration.ofMinutes(3));
        assertThat(supervisor.health(pir.id()).orElseThrow().describe())
                .isEqualTo("SUSPECT (no events in the 2h since it was opened again)");
    }

    @Test
    void a_pin_that_cannot_be_claimed_is_retried_while_the_others_work() throws Exception {
        board.chip = true;
        board.busy.add(27);
        open(CORD, BUTTON);

        assertThat(changes).singleElement().satisfies(e -> {
            assertThat(e.sensorId()).isEqualTo("help-lounge");
            assertThat(e.cause()).isEqualTo(HealthEvent.GPIO);
            assertThat(e.reason()).isEqualTo("BCM 27 could not be opened with mock-digital-input (Device or resource busy); "
                    + "trying again every 60 s");
        });
        pull(CORD);
        assertThat(events).hasSize(2);

        board.busy.clear();
        time.advanceBy(Duration.ofMinutes(1));

        assertThat(status(BUTTON)).isEqualTo(HealthStatus.ONLINE);
        assertThat(board.contextsMade).as("the working pins keep their provider").isEqualTo(1);
        pull(BUTTON);
        pull(CORD);
        assertThat(events).extracting(SensorEvent::sensorId)
                .containsExactly("cord-bathroom", "cord-bathroom", "help-lounge", "help-lounge", "cord-bathroom", "cord-bathroom");
    }

    @Test
    void a_provider_that_cannot_start_is_retried_and_closing_stops_the_retries() throws Exception {
        board.providerStarts = false;
        open(CORD);

        assertThat(supervisor.health(CORD.id()).orElseThrow().describe()).isEqualTo("OFFLINE (GPIO could not start with "
                + "mock-digital-input (libgpiod.so: cannot open shared object file); trying again every 60 s)");
        sensors.close();
        board.providerStarts = true;
        board.chip = true;
        time.advanceBy(Duration.ofMinutes(3));

        assertThat(board.contextsMade).isZero();
        assertThat(status(CORD)).isEqualTo(HealthStatus.OFFLINE);
    }
}
