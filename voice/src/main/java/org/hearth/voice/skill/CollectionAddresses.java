package org.hearth.voice.skill;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pack's streets and postcode areas, each with its collection weekday and round: what the
 * installer's wizard looks a typed address up in. Matching forgives case, punctuation, spacing,
 * the usual street abbreviations ("Rd" for "Road") and a postcode written with or without its
 * space. A street found together with a postcode that agrees beats a street alone, which beats a
 * postcode area alone; a postcode that disagrees rules a street out.
 */
public final class CollectionAddresses {

    /** UK postcodes: an outward code (LE2, LE19, EC1A) and, optionally, an inward code (9XY). */
    private static final Pattern POSTCODE = Pattern.compile("\\b([a-z]{1,2}[0-9][a-z0-9]?)\\s*([0-9][a-z]{2})?\\b");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("rd", "road"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"), Map.entry("ln", "lane"),
            Map.entry("cl", "close"), Map.entry("cres", "crescent"), Map.entry("cr", "crescent"), Map.entry("dr", "drive"),
            Map.entry("gdns", "gardens"), Map.entry("gr", "grove"), Map.entry("pl", "place"), Map.entry("sq", "square"),
            Map.entry("ter", "terrace"), Map.entry("terr", "terrace"), Map.entry("ct", "court"), Map.entry("wy", "way"),
            Map.entry("pk", "park"), Map.entry("hl", "hill"), Map.entry("mt", "mount"));

    /**
     * One line of the pack's address list.
     *
     * @param street   a street name as the council writes it, or null for a whole postcode area
     * @param postcode a postcode or its start ("LE2", "LE2 9"), or null for a street in any postcode
     * @param day      the collection weekday
     * @param round    the round in the pack's bins section
     * @param library  the nearest library, or null
     */
    public record Area(String street, String postcode, DayOfWeek day, String round, String library) {
        public Area {
            if (street == null && postcode == null) {
                throw new IllegalArgumentException("an address needs a street, a postcode, or both");
            }
        }

        /** "Larkspur Road, LE2 9" for the installer. */
        public String plain() {
            return street == null ? postcode : postcode == null ? street : street + ", " + postcode;
        }
    }

    /** Where a typed address is collected, and how sure the match is. */
    public record Match(Area area, Strength strength) {
    }

    /** How a typed address matched an area. */
    public enum Strength { POSTCODE_AREA, STREET, STREET_AND_POSTCODE }

    public static final CollectionAddresses NONE = new CollectionAddresses(List.of());

    private final List<Area> areas;

    public CollectionAddresses(List<Area> areas) {
        this.areas = List.copyOf(areas);
    }

    public List<Area> areas() {
        return areas;
    }

    public boolean isEmpty() {
        return areas.isEmpty();
    }

    /**
     * The areas a typed address falls in, the strongest matches only. One area is a clear answer;
     * several that differ in day or round need the installer to choose; none means the pack does
     * not know this address.
     */
    public List<Match> lookup(String typed) {
        String text = normalise(typed);
        Optional<String> postcode = postcodeIn(text);
        String words = " " + (postcode.isPresent() ? text.replace(postcodeText(text), " ") : text).replaceAll("\\s+", " ").strip()
                + " ";
        List<Match> best = new ArrayList<>();
        for (Area a : areas) {
            Strength s = strength(a, words, postcode);
            if (s == null) {
                continue;
            }
            if (!best.isEmpty() && s.compareTo(best.get(0).strength()) > 0) {
                best.clear();
            }
            if (best.isEmpty() || s == best.get(0).strength()) {
                best.add(new Match(a, s));
            }
        }
        return List.copyOf(best);
    }

    private static Strength strength(Area a, String words, Optional<String> postcode) {
        boolean postcodeAgrees = a.postcode() != null && postcode.isPresent() && startsWithPostcode(postcode.get(), a.postcode());
        // "LE2" typed for an area of "LE2 9" is too short to agree, but it does not disagree either.
        boolean postcodeDisagrees = a.postcode() != null && postcode.isPresent() && !postcodeAgrees
                && !startsWithPostcode(canonicalPostcode(normalise(a.postcode())), postcode.get());
        if (a.street() != null) {
            if (postcodeDisagrees || !words.contains(" " + normalise(a.street()) + " ")) {
                return null;
            }
            return postcodeAgrees ? Strength.STREET_AND_POSTCODE : Strength.STREET;
        }
        return postcodeAgrees ? Strength.POSTCODE_AREA : null;
    }

    /** "LE2 9XY" starts with the area "LE2 9" and with "LE2", but not with "LE29". */
    private static boolean startsWithPostcode(String full, String area) {
        String a = canonicalPostcode(normalise(area));
        return full.equals(a) || full.startsWith(a + (a.contains(" ") ? "" : " "));
    }

    /** Lower case, letters and digits only, abbreviations written out, single spaces. */
    static String normalise(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        StringBuilder out = new StringBuilder();
        String[] tokens = plain.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.equals("st")) {
                // "St Peter's Road" is a saint; "Church St" is a street.
                boolean nextIsWord = i + 1 < tokens.length && tokens[i + 1].chars().allMatch(Character::isLetter)
                        && !POSTCODE.matcher(tokens[i + 1]).matches();
                t = nextIsWord ? "saint" : "street";
            } else {
                t = ABBREVIATIONS.getOrDefault(t, t);
            }
            if (!t.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(t);
            }
        }
        return out.toString();
    }

    /** The last postcode-shaped run in the text, as "le2 9xy" or "le2". */
    private static Optional<String> postcodeIn(String normalised) {
        String found = postcodeText(normalised);
        return found == null ? Optional.empty() : Optional.of(canonicalPostcode(found));
    }

    private static String postcodeText(String normalised) {
        Matcher m = POSTCODE.matcher(normalised);
        String found = null;
        while (m.find()) {
            found = m.group();
        }
        return found;
    }

    private static String canonicalPostcode(String text) {
        Matcher m = POSTCODE.matcher(text.strip());
        if (!m.matches()) {
            return text.strip();
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2);
    }
}
