package org.hearth.tools.eval;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a made-up home's event log in the CIL layout, for tests of the evaluation and its command.
 * Events must be added in time order.
 */
final class SyntheticCilLog {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final String[] ROOMS = {"KitchenASink", "KitchenAStove", "LivingRoomAArea", "HallwayA", "BathroomAArea"};

    private final StringBuilder text = new StringBuilder();
    private final Random random;

    SyntheticCilLog(long seed) {
        this.random = new Random(seed);
    }

    /** Days of an active resident: up at 07:00, moving between kitchen, living room and bathroom, in bed at 22:30. */
    SyntheticCilLog days(LocalDate first, int days) {
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            event(day.atTime(7, 0), "BedroomABed");
            active(day.atTime(7, 0), day.atTime(22, 30));
            night(day);
        }
        return this;
    }

    /** Moving between kitchen, living room, hallway and bathroom, a few minutes apart, from {@code from} to before {@code to}. */
    SyntheticCilLog active(LocalDateTime from, LocalDateTime to) {
        for (LocalDateTime t = from; t.isBefore(to); t = t.plus(Duration.ofSeconds(60 + random.nextInt(8 * 60)))) {
            event(t, ROOMS[random.nextInt(ROOMS.length)]);
        }
        return this;
    }

    /** To bed at 22:30 on {@code day}, then the bed sensor now and then until 06:30. */
    SyntheticCilLog night(LocalDate day) {
        LocalDateTime bedtime = day.atTime(22, 30);
        event(bedtime, "BedroomAArea");
        for (LocalDateTime night = bedtime.plusMinutes(40); night.isBefore(bedtime.plusHours(8)); night = night.plusMinutes(50)) {
            event(night, "BedroomABed");
        }
        return this;
    }

    /** One sensor on for two seconds at {@code t}. */
    SyntheticCilLog event(LocalDateTime t, String sensor) {
        text.append(TS.format(t)).append('\t').append(sensor).append("\tON\t\n");
        text.append(TS.format(t.plusSeconds(2))).append('\t').append(sensor).append("\tOFF\t\n");
        return this;
    }

    SyntheticCilLog line(String raw) {
        text.append(raw).append('\n');
        return this;
    }

    String text() {
        return text.toString();
    }
}
