package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times and durations the way a carer reads them: "07:40", "21:10 yesterday", "1 h 20 min". */
final class Wording {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.UK);

    private Wording() {
    }

    /** "07:40" today, "21:10 yesterday", or "21:10 on Monday 11 July" further back. */
    static String at(Instant t, Instant now, ZoneId zone) {
        ZonedDateTime when = t.atZone(zone);
        long daysAgo = ChronoUnit.DAYS.between(when.toLocalDate(), now.atZone(zone).toLocalDate());
        String time = HH_MM.format(when);
        if (daysAgo == 0) {
            return time;
        }
        return daysAgo == 1 ? time + " yesterday" : time + " on " + DAY.format(when);
    }

    static String clock(LocalTime t) {
        return HH_MM.format(t);
    }

    /** "45 min", "2 h", "2 h 5 min"; rounded to the minute. */
    static String duration(Duration d) {
        long minutes = Math.round(d.toSeconds() / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** "the kitchen", but "bedroom 2" stays "bedroom 2" after "the". */
    static String the(String room) {
        return "the " + room;
    }
}
