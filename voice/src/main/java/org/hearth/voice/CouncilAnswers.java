package org.hearth.voice;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.time.Scheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.skill.BinCollection;
import org.hearth.voice.skill.BinSchedule;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.CouncilService;
import org.hearth.voice.skill.Household;
import org.hearth.voice.skill.Library;
import org.hearth.voice.skill.OpeningHours;
import org.hearth.voice.skill.PhoneService;

/**
 * Answers the council questions (bins, the library, council tax, the helpline, social care,
 * benefits) from the council pack and the household's details, in the conversation's language. A
 * sample pack's facts were invented, so it speaks none of them; an expired pack's may be wrong, so
 * it gives only the council's main number (docs/voice.md).
 */
final class CouncilAnswers {

    private final SpokenLanguages spoken;
    private final Scheduler scheduler;
    private final CouncilPack pack;
    private final Household household;

    CouncilAnswers(SpokenLanguages spoken, Scheduler scheduler, CouncilPack pack, Household household) {
        this.spoken = spoken;
        this.scheduler = scheduler;
        this.pack = pack;
        this.household = household;
    }

    /** The answer to a council question; {@code words} are what was heard, for "tomorrow". */
    Reply answer(Intent intent, List<String> words) {
        if (pack.sample()) {
            return say(intent, "council.not.set.up", Map.of());
        }
        if (pack.expiredOn(now().toLocalDate())) {
            return withMainNumber(intent, "council.expired");
        }
        return switch (intent) {
            case COUNCIL_BINS_NEXT -> bins();
            case COUNCIL_LIBRARY_HOURS -> library(words);
            case COUNCIL_TAX_PAY -> phone(intent, "tax.pay", CouncilService.COUNCIL_TAX);
            case COUNCIL_HELPLINE -> phone(intent, "helpline", CouncilService.DIGITAL_HELPLINE);
            case COUNCIL_SOCIAL_CARE -> phone(intent, "social.care", CouncilService.SOCIAL_CARE);
            case BENEFITS_ADVICE -> benefits();
            default -> throw new IllegalArgumentException("not a council question: " + intent);
        };
    }

    /** The pack has no sourced fact for this: say so, and give the main number if the pack has one. */
    private Reply unknown(Intent intent) {
        return withMainNumber(intent, "council.unknown");
    }

    private Reply withMainNumber(Intent intent, String key) {
        return pack.service(CouncilService.MAIN)
                .map(main -> say(intent, key, Map.of("council", pack.council(), "phone", main.phone())))
                .orElseGet(() -> say(intent, key + ".no.number", Map.of("council", pack.council())));
    }

    private Reply bins() {
        if (household.binDay().isEmpty()) {
            return say(Intent.COUNCIL_BINS_NEXT, "bins.unknown", Map.of());
        }
        Replies replies = spoken.replies();
        LocalDate today = now().toLocalDate();
        BinSchedule schedule = pack.bins();
        BinCollection next = schedule.next(today, household.collectionDay(), household.round());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("bin", replies.and(next.streams().stream().map(s -> replies.get("bin." + s)).toList()));
        v.put("date", replies.date(next.date()));
        String key = next.date().equals(today) ? "bins.today"
                : next.date().equals(today.plusDays(1)) ? "bins.tomorrow" : "bins.next";
        StringBuilder text = new StringBuilder(replies.get(key, v));
        if (next.shiftedDays() > 0) {
            text.append(' ').append(replies.get("bins.shifted",
                    Map.of("days", Integer.toString(next.shiftedDays()), "holiday", next.holiday())));
        }
        // Streams this household's round does not have, said plainly.
        for (String paid : schedule.bySubscription()) {
            text.append(' ').append(replies.get("bins.subscription", Map.of("bin", replies.get("bin." + paid))));
        }
        if (!schedule.streams().contains("food") && !schedule.bySubscription().contains("food")) {
            text.append(' ').append(replies.get("bins.food.unknown"));
        }
        return new Reply(Intent.COUNCIL_BINS_NEXT, text.toString(), false);
    }

    private Reply library(List<String> words) {
        Optional<Library> library = pack.library(household.library());
        if (library.isEmpty() || library.get().hours().isEmpty()) {
            return unknown(Intent.COUNCIL_LIBRARY_HOURS);
        }
        Replies replies = spoken.replies();
        OpeningHours hours = library.get().hours().get();
        LocalDateTime now = now().toLocalDateTime();
        String said = replies.mentionsTomorrow(words)
                ? replies.hoursTomorrow(hours.on(now.toLocalDate().plusDays(1).getDayOfWeek()))
                : replies.hours(hours.at(now), now.toLocalDate());
        return say(Intent.COUNCIL_LIBRARY_HOURS, "library.hours", Map.of("library", library.get().name(), "hours", said));
    }

    private Reply phone(Intent intent, String key, CouncilService which) {
        Optional<PhoneService> service = pack.service(which);
        if (service.isEmpty()) {
            return unknown(intent);
        }
        return new Reply(intent, line(key, service.get(), Map.of()), false);
    }

    /** A line's reply, and "The line is open now until 5 pm." when its hours are known. */
    private String line(String key, PhoneService service, Map<String, String> more) {
        Replies replies = spoken.replies();
        Map<String, String> v = new LinkedHashMap<>(more);
        v.put("name", service.name());
        v.put("phone", service.phone());
        String text = replies.get(key, v);
        if (service.hours().isPresent()) {
            LocalDateTime now = now().toLocalDateTime();
            text += " " + replies.get("line.hours",
                    Map.of("hours", replies.hours(service.hours().get().at(now), now.toLocalDate())));
        }
        return text;
    }

    /**
     * Pension Credit and Attendance Allowance first (most residents are over State Pension age),
     * then the council's own advice and Universal Credit help, each only if the pack has it.
     */
    private Reply benefits() {
        Replies replies = spoken.replies();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<CouncilService, String> e : List.of(
                Map.entry(CouncilService.PENSION_CREDIT, "benefits.pension.credit"),
                Map.entry(CouncilService.ATTENDANCE_ALLOWANCE, "benefits.attendance.allowance"),
                Map.entry(CouncilService.BENEFITS_ADVICE, "benefits.local"),
                Map.entry(CouncilService.UNIVERSAL_CREDIT_HELP, "benefits.universal.credit"))) {
            pack.service(e.getKey()).ifPresent(s -> parts.add(replies.get(e.getValue(),
                    Map.of("name", s.name(), "phone", s.phone()))));
        }
        return parts.isEmpty() ? unknown(Intent.BENEFITS_ADVICE)
                : new Reply(Intent.BENEFITS_ADVICE, String.join(" ", parts), false);
    }

    private Reply say(Intent intent, String key, Map<String, String> values) {
        return spoken.say(intent, key, values);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(scheduler.clock());
    }
}
