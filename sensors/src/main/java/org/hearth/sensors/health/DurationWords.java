package org.hearth.sensors.health;

import java.time.Duration;

/** Says a span of time the way a person would on a status line: "45 s", "12 min", "26h", "3 days". */
public final class DurationWords {

    private DurationWords() {
    }

    public static String of(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = d.toHours();
        if (hours < 72) {
            return hours + "h";
        }
        return d.toDays() + " days";
    }
}
