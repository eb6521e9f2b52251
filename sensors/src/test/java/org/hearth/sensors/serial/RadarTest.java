package org.hearth.sensors.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The radar driver through Pi4J's serial interface, against an emulated module, in virtual time. */
@Tag("medium")
class RadarTest {

    private static final String PORT = "/dev/serial0";
    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);
    private final List<HealthEvent> health = new ArrayList<>();
    private final HealthSupervisor supervisor = new HealthSupervisor(time, health::add, Duration.ofSeconds(10), 3);
    private final Mr24hpc1Emulator module = new Mr24hpc1Emulator();
    private final List<PresenceEvent> seen = new ArrayList<>();
    private final SensorListener listener = new SensorListener() {
        @Override
        public void onEvent(SensorEvent event) {
            throw new AssertionError("a radar reports presence, not digital events");
        }

        @Override
        public void onPresence(PresenceEvent event) {
            seen.add(event);
        }
    };
    private final Radars radars = Radars.open(SerialBackend.emulated(Map.of(PORT, module)), time, supervisor);

    RadarTest() {
        supervisor.start();
    }

    @AfterEach
    void close() {
        radars.close();
        supervisor.close();
    }

    private void start() {
        radars.add(RadarSpec.standard("radar-lounge", "living room", PORT), listener);
        time.advanceBy(Duration.ofSeconds(1));
    }

    private List<Presence> presences() {
        return seen.stream().map(PresenceEvent::presence).toList();
    }

    private String status() {
        return supervisor.health("radar-lounge").orElseThrow().describe();
    }

    @Test
    void someone_comes_in_moves_sits_still_breathing_and_leaves() {
        start();
        assertThat(presences()).as("asked at start, the module says the room is empty").containsExactly(Presence.NOBODY);

        module.sees(Presence.MOVING);
        time.advanceBy(Duration.ofSeconds(1));
        module.bodyMovement(35);
        module.sees(Presence.STILL);
        time.advanceBy(Duration.ofMinutes(90));
        module.sees(Presence.NOBODY);
        time.advanceBy(Duration.ofSeconds(1));

        assertThat(presences()).containsExactly(Presence.NOBODY, Presence.MOVING, Presence.STILL, Presence.NOBODY);
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.sensorId()).isEqualTo("radar-lounge");
            assertThat(e.room()).isEqualTo("living room");
        });
        assertThat(seen.get(2).at()).as("stamped at the poll that read it, at most 100 ms later")
                .isBetween(Instant.parse("2026-12-05T09:00:02Z"), Instant.parse("2026-12-05T09:00:02.100Z"));
        assertThat(status()).as("heartbeats answered through 90 quiet minutes").isEqualTo("ONLINE (working normally)");
        assertThat(health).isEmpty();
    }

    @Test
    void the_driver_asks_for_a_heartbeat_every_30_seconds() {
        start();
        time.advanceBy(Duration.ofMinutes(5));
        long heartbeats = module.queries().stream()
                .filter(q -> q.control() == Mr24hpc1Frame.SYSTEM && q.command() == Mr24hpc1Frame.HEARTBEAT).count();
        assertThat(heartbeats).isBetween(10L, 11L);
        assertThat(module.badQueries()).as("every query the driver sent was a well-formed frame").isZero();
    }

    @Test
    void a_silent_module_becomes_suspect_and_recovers_when_it_answers_again() {
        start();
        module.sees(Presence.STILL);
        time.advanceBy(Duration.ofSeconds(1));

        module.silent(true);
        time.advanceBy(Duration.ofMinutes(3));
        assertThat(supervisor.health("radar-lounge").orElseThrow().status()).isEqualTo(HealthStatus.SUSPECT);
        assertThat(health).extracting(HealthEvent::reason).containsExactly("no readings for 2 min");

        module.silent(false);
        time.advanceBy(Duration.ofSeconds(31));
        assertThat(status()).isEqualTo("ONLINE (working again)");
        assertThat(health).extracting(HealthEvent::current).containsExactly(HealthStatus.SUSPECT, HealthStatus.ONLINE);
        assertThat(health).extracting(HealthEvent::cause).containsOnly(HealthEvent.ownCause("radar-lounge"));
    }

    @Test
    void one_bad_checksum_loses_one_report_and_is_noted() {
        start();
        module.sees(Presence.STILL);
        time.advanceBy(Duration.ofMillis(200));
        module.corruptNextFrame();
        module.sees(Presence.MOVING);
        time.advanceBy(Duration.ofMillis(200));
        assertThat(status()).isEqualTo("ONLINE (working, but radar frame failed once: bad checksum)");

        module.sees(Presence.NOBODY);
        time.advanceBy(Duration.ofMillis(200));
        assertThat(presences()).as("the corrupted MOVING report is lost, and nothing else")
                .containsExactly(Presence.NOBODY, Presence.STILL, Presence.NOBODY);
        assertThat(status()).isEqualTo("ONLINE (working normally)");
    }

    @Test
    void truncated_frames_and_noise_between_frames_do_not_hide_the_next_report() {
        start();
        module.noise((byte) 0x00, (byte) 0xFF, (byte) 0x53);
        module.truncateNextFrame();
        module.sees(Presence.MOVING); // presence report cut short, motion report whole
        time.advanceBy(Duration.ofMillis(300));

        assertThat(presences()).containsExactly(Presence.NOBODY, Presence.MOVING);
        assertThat(supervisor.health("radar-lounge").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void a_line_carrying_only_damaged_frames_goes_offline_and_comes_back_with_the_first_good_one() {
        start();
        for (int i = 0; i < 3; i++) {
            module.corruptNextFrame();
            module.heartbeat();
            time.advanceBy(Duration.ofMillis(100));
        }
        assertThat(status()).isEqualTo("OFFLINE (radar frame failed 3 times: bad checksum)");

        module.heartbeat();
        time.advanceBy(Duration.ofMillis(100));
        assertThat(status()).isEqualTo("ONLINE (working again)");
        assertThat(health).extracting(HealthEvent::current).containsExactly(HealthStatus.OFFLINE, HealthStatus.ONLINE);
    }

    @Test
    void a_port_that_is_not_there_is_offline_with_the_reason_and_retried() {
        radars.add(RadarSpec.standard("radar-bed", "bedroom", "/dev/ttyUSB0"), listener);
        time.advanceBy(Duration.ofMinutes(3));

        assertThat(supervisor.health("radar-bed").orElseThrow().describe()).isEqualTo(
                "OFFLINE (/dev/ttyUSB0 could not be opened (/dev/ttyUSB0: No such file or directory); trying again every 60 s)");
        assertThat(health).hasSize(1);
    }

    @Test
    void two_radars_on_one_port_or_with_one_name_are_refused() {
        radars.add(RadarSpec.standard("radar-lounge", "living room", PORT), listener);
        assertThatThrownBy(() -> radars.add(RadarSpec.standard("radar-2", "hall", PORT), listener))
                .hasMessage("radar-lounge and radar-2 are both on /dev/serial0");
        assertThatThrownBy(() -> radars.add(RadarSpec.standard("radar-lounge", "hall", "/dev/ttyUSB0"), listener))
                .hasMessage("two radars are named radar-lounge");
    }
}
