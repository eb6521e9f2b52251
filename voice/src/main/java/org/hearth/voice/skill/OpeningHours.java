package org.hearth.voice.skill;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One opening period per weekday (or closed), read from "09:30-17:00" or "closed". */
public final class OpeningHours {

    /** Open from {@code open} until {@code close} on one day. */
    public record Period(LocalTime open, LocalTime close) {
        public Period {
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("closes at " + close + ", not after it opens at " + open);
            }
        }
    }

    /** Where a place stands at a moment, for a reply. */
    public sealed interface Status permits OpenNow, OpensLaterToday, Closed {
    }

    public record OpenNow(LocalTime close) implements Status {
    }

    public record OpensLaterToday(LocalTime open, LocalTime close) implements Status {
    }

    /** Closed now; {@code nextDay} is empty if it never opens. */
    public record Closed(Optional<LocalDate> nextDay, LocalTime nextOpen) implements Status {
    }

    private final Map<DayOfWeek, Period> days;

    public OpeningHours(Map<DayOfWeek, Period> days) {
        this.days = new EnumMap<>(DayOfWeek.class);
        this.days.putAll(days);
    }

    /**
     * Reads {@code {mon: "09:00-17:00", sun: closed}}; a day left out is closed.
     *
     * @throws IllegalArgumentException naming the day and the bad value
     */
    public static OpeningHours parse(Map<String, String> spec) {
        Map<DayOfWeek, Period> days = new EnumMap<>(DayOfWeek.class);
        spec.forEach((day, value) -> {
            DayOfWeek d = day(day);
            String v = value == null ? "closed" : value.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("closed")) {
                String[] parts = v.split("-");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(day + ": expected HH:MM-HH:MM or closed, was '" + value + "'");
                }
                try {
                    days.put(d, new Period(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(day + ": expected HH:MM-HH:MM or closed, was '" + value + "'", e);
                }
            }
        });
        return new OpeningHours(days);
    }

    private static DayOfWeek day(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (n.equals(full) || n.equals(full.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day '" + name + "'; use mon, tue, wed, thu, fri, sat or sun");
    }

    public Optional<Period> on(DayOfWeek day) {
        return Optional.ofNullable(days.get(day));
    }

    public Status at(LocalDateTime now) {
        Period today = days.get(now.getDayOfWeek());
        LocalTime t = now.toLocalTime();
        if (today != null && !t.isBefore(today.open()) && t.isBefore(today.close())) {
            return new OpenNow(today.close());
        }
        if (today != null && t.isBefore(today.open())) {
            return new OpensLaterToday(today.open(), today.close());
        }
        for (int ahead = 1; ahead <= 7; ahead++) {
            LocalDate day = now.toLocalDate().plusDays(ahead);
            Period p = days.get(day.getDayOfWeek());
            if (p != null) {
                return new Closed(Optional.of(day), p.open());
            }
        }
        return new Closed(Optional.empty(), LocalTime.MIDNIGHT);
    }
}
