package org.hearth.voice;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.skill.OpeningHours;

/**
 * Reply texts of the resident's language with their {placeholders} filled. A reply a language
 * does not have yet falls back to English, because an English answer beats silence.
 */
final class Replies {

    private final LanguageResources language;
    private final LanguageResources english;
    private final DateTimeFormatter time;
    private final DateTimeFormatter timeOnHour;
    private final DateTimeFormatter date;
    private final DateTimeFormatter weekday;

    Replies(LanguageResources language, LanguageResources english) {
        this.language = language;
        this.english = english;
        this.time = DateTimeFormatter.ofPattern(raw("format.time"), language.locale());
        this.timeOnHour = DateTimeFormatter.ofPattern(raw("format.time.hour"), language.locale());
        this.date = DateTimeFormatter.ofPattern(raw("format.date"), language.locale());
        this.weekday = DateTimeFormatter.ofPattern("EEEE", language.locale());
    }

    String code() {
        return language.code();
    }

    String get(String key) {
        return get(key, Map.of());
    }

    String get(String key, Map<String, String> values) {
        String text = raw(key);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    private String raw(String key) {
        return language.reply(key).or(() -> english.reply(key))
                .orElseThrow(() -> new IllegalStateException("no reply '" + key + "' in any language"));
    }

    boolean mentionsTomorrow(java.util.List<String> words) {
        return language.mentionsTomorrow(words);
    }

    String time(LocalTime t) {
        return (t.getMinute() == 0 ? timeOnHour : time).format(t);
    }

    String date(LocalDate d) {
        return date.format(d);
    }

    String weekday(LocalDate d) {
        return weekday.format(d);
    }

    /** "general waste and recycling": items joined with the language's word for "and". */
    String and(java.util.List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + get("list.and") + " "
                + items.get(items.size() - 1);
    }

    /** "open tomorrow from 9:30 am to 5 pm", "closed tomorrow". */
    String hoursTomorrow(java.util.Optional<OpeningHours.Period> period) {
        return period.map(p -> get("hours.tomorrow.open", Map.of("open", time(p.open()), "close", time(p.close()))))
                .orElseGet(() -> get("hours.tomorrow.closed"));
    }

    /** "open now until 5 pm", "open today from 9:30 am to 5 pm", "closed now. It opens on Monday at 9 am". */
    String hours(OpeningHours.Status status, LocalDate today) {
        if (status instanceof OpeningHours.OpenNow open) {
            return get("hours.open.now", Map.of("close", time(open.close())));
        }
        if (status instanceof OpeningHours.OpensLaterToday later) {
            return get("hours.open.later", Map.of("open", time(later.open()), "close", time(later.close())));
        }
        OpeningHours.Closed closed = (OpeningHours.Closed) status;
        LocalDate day = closed.nextDay().orElse(today);
        if (day.equals(today.plusDays(1))) {
            return get("hours.closed.tomorrow", Map.of("open", time(closed.nextOpen())));
        }
        return get("hours.closed.next", Map.of("day", weekday(day), "open", time(closed.nextOpen())));
    }
}
