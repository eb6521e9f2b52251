package org.hearth.gateway.app.eval;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/** Writes a made-up home's event log in the CIL layout, for tests of the evaluation and its command. */
final class SyntheticCilLog {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final StringBuilder text = new StringBuilder();
    private final Random random;

    SyntheticCilLog(long seed) {
        this.random = new Random(seed);
    }

    /** Days of an active resident: up at 07:00, moving between kitchen, living room and bathroom, in bed at 22:30. */
    SyntheticCilLog days(LocalDate first, int days) {
        for (int d = 0; d < days; d++) {
            LocalDateTime t = first.plusDays(d).atTime(7, 0);
            event(t, "BedroomABed");
            LocalDateTime bedtime = first.plusDays(d).atTime(22, 30);
            String[] rooms = {"KitchenASink", "KitchenAStove", "LivingRoomAArea", "HallwayA", "BathroomAArea"};
            while (t.isBefore(bedtime)) {
                event(t, rooms[random.nextInt(rooms.length)]);
                t = t.plus(Duration.ofSeconds(60 + random.nextInt(8 * 60)));
            }
            event(bedtime, "BedroomAArea");
            for (LocalDateTime night = bedtime.plusMinutes(40); night.isBefore(bedtime.plusHours(8)); night = night.plusMinutes(50)) {
                event(night, "BedroomABed");
            }
        }
        return this;
    }

    SyntheticCilLog line(String raw) {
        text.append(raw).append('\n');
        return this;
    }

    private void event(LocalDateTime t, String sensor) {
        text.append(TS.format(t)).append('\t').append(sensor).append("\tON\t\n");
        text.append(TS.format(t.plusSeconds(2))).append('\t').append(sensor).append("\tOFF\t\n");
    }

    String text() {
        return text.toString();
    }
}
