package org.hearth.tools.eval;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;

/**
 * Simulated weeks of a home of two residents (the strategy's two elderly parents), seeded and
 * deterministic: the same seed gives the same weeks. No real recording of two people with
 * the sensors Hearth uses was available (docs/detection.md, "Two residents").
 *
 * <p>Each day each resident gets up around 07:00 and goes to bed around 22:30, and in between
 * moves from room to room (kitchen, living room, bathroom, bedroom, through the hall), tripping
 * the room's PIR now and then while there: often in the kitchen, rarely in the armchair. Outings:
 * on some days the two go out together, on some each goes out alone (so the other is home
 * alone), on many both. Going out is the hall, the front door, then nothing; coming home is the
 * door, the hall and a room within a minute or two. An empty home blips now and then (one
 * sensor, about every six hours), as the real CASAS home did.
 *
 * <p>Every event carries whose it was ({@link Move#resident}, -1 for a blip), and {@link #home}
 * says who was in: the evaluation's hindsight, never shown to the detector.
 */
final class TwoResidentWeeks {

    /** The simulated weeks start on a Monday. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    static final String DOOR = "front door";
    static final List<String> ROOMS = List.of("kitchen", "living room", "bathroom", "bedroom", "hall");
    /** How likely a day is to have a joint outing, and each resident one of their own. */
    static final double JOINT_OUTING = 0.4;
    static final double OWN_OUTING = 0.5;
    static final Duration BLIP_EVERY = Duration.ofHours(6);

    /** One sensor event and whose it was: 0 or 1, or -1 for a blip in an empty home. */
    record Move(int resident, SensorEvent event) {
    }

    /** When a resident was out: [from, to). */
    record Outing(int resident, Instant from, Instant to) {
    }

    private final List<Move> moves;
    private final List<Outing> outings;
    private final Instant start;
    private final Instant end;

    private TwoResidentWeeks(List<Move> moves, List<Outing> outings, Instant start, Instant end) {
        this.moves = moves;
        this.outings = outings;
        this.start = start;
        this.end = end;
    }

    /** {@code weeks} weeks from midnight UTC of {@code first}. */
    static TwoResidentWeeks generate(LocalDate first, int weeks, long seed) {
        Random random = new Random(seed);
        Instant start = first.atStartOfDay(InactivityEvaluation.ZONE).toInstant();
        Instant end = start.plus(Duration.ofDays(7L * weeks));
        List<Move> moves = new ArrayList<>();
        List<Outing> outings = new ArrayList<>();
        for (int day = 0; day < 7 * weeks; day++) {
            Instant midnight = start.plus(Duration.ofDays(day));
            List<List<Outing>> out = List.of(new ArrayList<>(), new ArrayList<>());
            if (random.nextDouble() < JOINT_OUTING) {
                Instant from = at(midnight, LocalTime.of(10, 0), random.nextInt(240));
                Instant to = from.plus(Duration.ofMinutes(60 + random.nextInt(150)));
                out.get(0).add(new Outing(0, from, to));
                out.get(1).add(new Outing(1, from.plusSeconds(20 + random.nextInt(60)), to.plusSeconds(random.nextInt(60))));
            }
            for (int r = 0; r < 2; r++) {
                if (random.nextDouble() < OWN_OUTING) {
                    Instant from = at(midnight, LocalTime.of(9, 0), random.nextInt(540));
                    Instant to = from.plus(Duration.ofMinutes(45 + random.nextInt(150)));
                    if (out.get(r).stream().noneMatch(o -> o.from().isBefore(to.plus(Duration.ofMinutes(30)))
                            && from.isBefore(o.to().plus(Duration.ofMinutes(30))))) {
                        out.get(r).add(new Outing(r, from, to));
                    }
                }
            }
            for (int r = 0; r < 2; r++) {
                out.get(r).sort(Comparator.comparing(Outing::from));
                outings.addAll(out.get(r));
                day(moves, random, r, midnight, out.get(r));
            }
        }
        TwoResidentWeeks w = new TwoResidentWeeks(moves, outings, start, end);
        w.addBlips(random);
        w.moves.sort(Comparator.comparing(m -> m.event().at()));
        return w;
    }

    /** One resident's day: the night in bed until about 07:00, the day at home between outings, bed about 22:30. */
    private static void day(List<Move> moves, Random random, int r, Instant midnight, List<Outing> out) {
        Instant up = at(midnight, LocalTime.of(6, 30), random.nextInt(60));
        Instant bed = at(midnight, LocalTime.of(22, 0), random.nextInt(60));
        night(moves, random, r, midnight, up);
        Instant t = up;
        for (Outing o : out) {
            t = home(moves, random, r, t, o.from());
            pir(moves, r, "hall", o.from().minusSeconds(30));
            pir(moves, r, DOOR, o.from());
            pir(moves, r, DOOR, o.to());
            pir(moves, r, "hall", o.to().plusSeconds(20));
            t = o.to().plusSeconds(60);
        }
        home(moves, random, r, t, bed);
        night(moves, random, r, bed, midnight.plus(Duration.ofDays(1)));
    }

    /** In bed: the bedroom's PIR rarely, one trip to the bathroom in two nights. */
    private static void night(List<Move> moves, Random random, int r, Instant from, Instant to) {
        pir(moves, r, "bedroom", from);
        for (Instant t = from.plus(minutes(random, 90)); t.isBefore(to); t = t.plus(minutes(random, 90))) {
            pir(moves, r, random.nextDouble() < 0.25 ? "bathroom" : "bedroom", t);
        }
    }

    /** Room to room from {@code from} to {@code to}; returns {@code to}. */
    private static Instant home(List<Move> moves, Random random, int r, Instant from, Instant to) {
        Instant t = from;
        while (t.isBefore(to)) {
            String room = room(random);
            Instant leave = t.plus(Duration.ofMinutes(stay(room, random)));
            pir(moves, r, "hall", t);
            for (Instant s = t.plusSeconds(30); s.isBefore(leave) && s.isBefore(to); s = s.plus(minutes(random, every(room)))) {
                pir(moves, r, room, s);
            }
            t = leave;
        }
        return to;
    }

    private static String room(Random random) {
        double x = random.nextDouble();
        return x < 0.30 ? "kitchen" : x < 0.75 ? "living room" : x < 0.90 ? "bathroom" : "bedroom";
    }

    private static int stay(String room, Random random) {
        return switch (room) {
            case "kitchen" -> 5 + random.nextInt(25);
            case "living room" -> 20 + random.nextInt(70);
            case "bathroom" -> 3 + random.nextInt(12);
            default -> 10 + random.nextInt(20);
        };
    }

    /** Mean minutes between a PIR's activations while someone is in the room. */
    private static double every(String room) {
        return switch (room) {
            case "kitchen" -> 2;
            case "living room" -> 10;
            case "bathroom" -> 3;
            default -> 6;
        };
    }

    private void addBlips(Random random) {
        for (Instant t = start.plus(minutes(random, BLIP_EVERY.toMinutes())); t.isBefore(end);
                t = t.plus(minutes(random, BLIP_EVERY.toMinutes()))) {
            if (nobodyHome(t)) {
                pir(moves, -1, ROOMS.get(random.nextInt(ROOMS.size())), t);
            }
        }
    }

    private static void pir(List<Move> moves, int r, String room, Instant at) {
        String id = room.replace(' ', '_');
        SensorKind kind = room.equals(DOOR) ? SensorKind.CONTACT : SensorKind.PIR;
        String where = room.equals(DOOR) ? "entry" : room;
        moves.add(new Move(r, new SensorEvent(id, where, kind, true, at)));
        moves.add(new Move(r, new SensorEvent(id, where, kind, false, at.plusSeconds(5))));
    }

    private static Duration minutes(Random random, double mean) {
        return Duration.ofSeconds(Math.max(20, Math.round(-Math.log(1 - random.nextDouble()) * mean * 60)));
    }

    private static Instant at(Instant midnight, LocalTime time, int plusMinutes) {
        return midnight.plusSeconds(time.toSecondOfDay()).plus(Duration.ofMinutes(plusMinutes));
    }

    List<Move> moves() {
        return moves;
    }

    /** Every event, in time order, as the home's sensors report them. */
    List<SensorEvent> events() {
        return moves.stream().map(Move::event).toList();
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    /** Whether {@code resident} was home at {@code t}. */
    boolean home(int resident, Instant t) {
        return outings.stream().noneMatch(o -> o.resident() == resident && !t.isBefore(o.from()) && t.isBefore(o.to()));
    }

    /** When {@code resident}, out at {@code t}, came home; empty if they were home. */
    Optional<Instant> backAt(int resident, Instant t) {
        return outings.stream().filter(o -> o.resident() == resident && !t.isBefore(o.from()) && t.isBefore(o.to()))
                .map(Outing::to).findFirst();
    }

    boolean nobodyHome(Instant t) {
        return !home(0, t) && !home(1, t);
    }

    /** Outings of each kind, for the report: together (overlapping) and alone. */
    long outingsWithOtherHome() {
        return outings.stream().filter(o -> home(1 - o.resident(), o.from().plusSeconds(90))).count();
    }

    long outings() {
        return outings.size();
    }
}
