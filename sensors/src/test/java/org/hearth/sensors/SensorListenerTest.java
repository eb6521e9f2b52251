package org.hearth.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How a driver on a thread of its own reports to the event loop. */
@Tag("small")
class SensorListenerTest {

    @Test
    void posting_hands_every_call_to_the_loop_in_order_and_runs_nothing_itself() {
        List<Runnable> loop = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        SensorListener onLoop = new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
                heard.add("event " + event.sensorId());
            }

            @Override
            public void onAccel(String sensorId, List<AccelSample> batch) {
                heard.add("accel " + sensorId);
            }

            @Override
            public void onPresence(PresenceEvent event) {
                heard.add("presence " + event.sensorId());
            }
        };
        SensorListener driverSide = SensorListener.postingTo(loop::add, onLoop);
        Instant at = Instant.parse("2026-12-05T08:00:00Z");

        driverSide.onEvent(new SensorEvent("help-pendant", "lounge", SensorKind.HELP_BUTTON, true, at));
        driverSide.onAccel("wrist", List.of());
        driverSide.onPresence(new PresenceEvent("radar-lounge", "lounge", Presence.MOVING, at));

        assertThat(heard).as("nothing runs on the driver's thread").isEmpty();
        loop.forEach(Runnable::run);
        assertThat(heard).containsExactly("event help-pendant", "accel wrist", "presence radar-lounge");
    }
}
