package org.hearth.sensors.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production serial path on a real Linux tty: a pseudo-terminal pair made by socat, the
 * driver on one end through {@code stty} and the device file, the module's frames written into
 * the other end.
 */
@Tag("medium")
class TtySerialTest {

    @TempDir
    Path dir;
    private Process socat;
    private RealTimeScheduler thread;
    private Radars radars;

    @AfterEach
    void stop() throws InterruptedException {
        if (radars != null) {
            radars.close();
        }
        if (thread != null) {
            thread.close();
        }
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void frames_written_into_a_pty_reach_the_listener_and_the_heartbeat_query_reaches_the_module() throws Exception {
        Path host = dir.resolve("host");
        Path module = dir.resolve("module");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + module)
                .redirectErrorStream(true).start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> Files.exists(host) && Files.exists(module));
        String device = host.toRealPath().toString(); // /dev/pts/N

        thread = RealTimeScheduler.create("radar-test", ZoneOffset.UTC);
        HealthSupervisor supervisor = new HealthSupervisor(thread, e -> { });
        List<PresenceEvent> seen = new CopyOnWriteArrayList<>();
        radars = Radars.open(SerialBackend.tty(), thread, supervisor);
        radars.add(new RadarSpec("radar-lounge", "living room", device, 115_200, Duration.ofMinutes(2)), new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
            }

            @Override
            public void onPresence(PresenceEvent event) {
                seen.add(event);
            }
        });

        try (FileInputStream fromHost = new FileInputStream(module.toRealPath().toFile());
             FileOutputStream toHost = new FileOutputStream(module.toRealPath().toFile())) {
            byte[] expected = Mr24hpc1Frame.query(Mr24hpc1Frame.SYSTEM, Mr24hpc1Frame.HEARTBEAT).bytes();
            byte[] got = new byte[64];
            int[] n = {0};
            await().atMost(10, TimeUnit.SECONDS).until(() -> {
                int ready = fromHost.available();
                if (ready > 0) {
                    n[0] += fromHost.read(got, n[0], Math.min(ready, got.length - n[0]));
                }
                return containsFrame(got, n[0], expected);
            });

            toHost.write(Mr24hpc1Frame.report(Mr24hpc1Frame.HUMAN, Mr24hpc1Frame.MOTION, 1).bytes());
            toHost.flush();
            await().atMost(10, TimeUnit.SECONDS).until(() -> !seen.isEmpty());
        }
        assertThat(seen).extracting(PresenceEvent::presence).containsExactly(Presence.STILL);
        assertThat(supervisor.health("radar-lounge").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void a_device_that_does_not_exist_is_offline_with_the_systems_words() {
        thread = RealTimeScheduler.create("radar-test", ZoneOffset.UTC);
        HealthSupervisor supervisor = new HealthSupervisor(thread, e -> { });
        radars = Radars.open(SerialBackend.tty(), thread, supervisor);
        radars.add(RadarSpec.standard("radar-lounge", "living room", "/dev/ttyHEARTH9"), new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
            }
        });
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> supervisor.health("radar-lounge").orElseThrow().status() == HealthStatus.OFFLINE);
        assertThat(supervisor.health("radar-lounge").orElseThrow().reason()).isEqualTo(
                "/dev/ttyHEARTH9 could not be opened (/dev/ttyHEARTH9: No such file or directory); trying again every 60 s");
    }

    private static boolean containsFrame(byte[] buffer, int length, byte[] frame) {
        for (int i = 0; i + frame.length <= length; i++) {
            if (java.util.Arrays.equals(buffer, i, i + frame.length, frame, 0, frame.length)) {
                return true;
            }
        }
        return false;
    }
}
