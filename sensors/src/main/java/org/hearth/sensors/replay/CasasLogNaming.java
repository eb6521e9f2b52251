package org.hearth.sensors.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hearth.sensors.SensorKind;

/**
 * Guesses a CASAS sensor's room and kind from its name, because CASAS logs carry names, not a
 * sensor map. The heuristic, in order:
 * <ol>
 *   <li>The name is split into words at case changes, digits, '_' and '-':
 *       {@code LivingRoomAChair} reads "living room", "A", "chair".</li>
 *   <li>The first room word names the room: kitchen/pantry; bathroom/bath/toilet/shower/wc;
 *       bedroom; living room/lounge/sitting room/family room; dining room; office/study;
 *       hallway/hall/corridor/landing/stairs; entry/entryway/entrance/porch/foyer (the way out).
 *       A single letter after it is the room's instance: A is the room itself, B is "bedroom 2".</li>
 *   <li>The kind: anything in the entry is a {@code CONTACT} (the way in and out, as the exit for
 *       the detectors); "door" is a {@code CONTACT} in its room, or the entry when no room is named
 *       ({@code FrontDoor}, {@code BackDoor}); "bed" is a {@code PRESSURE_MAT} (bedroom when no
 *       room is named); chair/armchair/sofa/couch/seat/recliner is a {@code PRESSURE_MAT} (living
 *       room when no room is named); refrigerator/fridge/freezer/cabinet/cupboard/drawer/closet is
 *       a {@code CONTACT} (kitchen when no room is named); anything else ("Area", "Sink", "Stove")
 *       is a {@code PIR}.</li>
 *   <li>Classic testbed ids: {@code M012} is a {@code PIR} whose room is its id (the room is not
 *       known); {@code D002} is a door {@code CONTACT} taken as the entry, since most classic
 *       testbeds put D sensors on outside doors.</li>
 *   <li>A name with no room word and no item word is a {@code PIR} in a room named after it.</li>
 * </ol>
 * CASAS "Bed" and "Chair" sensors are motion sensors aimed at the furniture, so as mats they turn
 * off within seconds; the detectors do not rely on a mat staying pressed.
 */
public final class CasasLogNaming {

    private static final Pattern WORD_BREAK = Pattern.compile(
            "[_\\-\\s]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])");
    private static final Pattern CLASSIC_MOTION = Pattern.compile("[Mm]\\d+");
    private static final Pattern CLASSIC_DOOR = Pattern.compile("[Dd]\\d+");
    private static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z]{1,4}\\d{2,}");

    /** Two-word rooms first, so "living room" wins over a lone "room". */
    private static final Map<String, String> TWO_WORD_ROOMS = Map.of(
            "living room", "living room", "sitting room", "living room", "family room", "living room",
            "dining room", "dining room", "bed room", "bedroom", "front door", "entry", "back door", "entry",
            "main door", "entry");
    private static final Map<String, String> ROOM_WORDS = Map.ofEntries(
            Map.entry("kitchen", "kitchen"), Map.entry("pantry", "kitchen"),
            Map.entry("bathroom", "bathroom"), Map.entry("bath", "bathroom"), Map.entry("toilet", "bathroom"),
            Map.entry("shower", "bathroom"), Map.entry("wc", "bathroom"), Map.entry("lavatory", "bathroom"),
            Map.entry("bedroom", "bedroom"),
            Map.entry("living", "living room"), Map.entry("lounge", "living room"),
            Map.entry("dining", "dining room"),
            Map.entry("office", "office"), Map.entry("study", "office"),
            Map.entry("hallway", "hallway"), Map.entry("hall", "hallway"), Map.entry("corridor", "hallway"),
            Map.entry("landing", "hallway"), Map.entry("stairs", "hallway"), Map.entry("stairway", "hallway"),
            Map.entry("entry", "entry"), Map.entry("entryway", "entry"), Map.entry("entrance", "entry"),
            Map.entry("porch", "entry"), Map.entry("foyer", "entry"));
    private static final Set<String> SEATS = Set.of("chair", "armchair", "sofa", "couch", "seat", "recliner");
    private static final Set<String> CUPBOARDS = Set.of("refrigerator", "fridge", "freezer", "cabinet", "cupboard",
            "drawer", "closet");

    private CasasLogNaming() {
    }

    public static CasasLogSensor sensor(String name) {
        if (CLASSIC_MOTION.matcher(name).matches()) {
            return new CasasLogSensor(name, SensorKind.PIR);
        }
        if (CLASSIC_DOOR.matcher(name).matches()) {
            return new CasasLogSensor("entry", SensorKind.CONTACT);
        }
        List<String> words = words(name);
        String room = room(words);
        boolean door = words.contains("door");
        boolean bed = words.contains("bed");
        boolean seat = words.stream().anyMatch(SEATS::contains);
        boolean cupboard = words.stream().anyMatch(CUPBOARDS::contains);
        if (room != null && room.startsWith("entry")) {
            return new CasasLogSensor(room, SensorKind.CONTACT);
        }
        if (door) {
            return new CasasLogSensor(room == null ? "entry" : room, SensorKind.CONTACT);
        }
        if (bed) {
            return new CasasLogSensor(room == null ? "bedroom" : room, SensorKind.PRESSURE_MAT);
        }
        if (seat) {
            return new CasasLogSensor(room == null ? "living room" : room, SensorKind.PRESSURE_MAT);
        }
        if (cupboard) {
            return new CasasLogSensor(room == null ? "kitchen" : room, SensorKind.CONTACT);
        }
        return new CasasLogSensor(room == null ? String.join(" ", words) : room, SensorKind.PIR);
    }

    /**
     * A sensor named twice, by its id and by the area it is in ({@code Bedroom M021}): the area,
     * when it says something the name heuristic understands, gives the room and the kind (a door
     * id stays a door); otherwise the id alone decides, as in the classic layout.
     */
    public static CasasLogSensor sensor(String id, String area) {
        CasasLogSensor byArea = sensor(area);
        boolean understood = room(words(area)) != null || !byArea.room().equals(String.join(" ", words(area)));
        if (!understood) {
            return sensor(id);
        }
        return CLASSIC_DOOR.matcher(id).matches() ? new CasasLogSensor(byArea.room(), SensorKind.CONTACT) : byArea;
    }

    /** Whether {@code name} looks like a CASAS sensor id: letters then digits, {@code M021}, {@code D001}, {@code LS012}. */
    static boolean isId(String name) {
        return SENSOR_ID.matcher(name).matches();
    }

    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String w : WORD_BREAK.split(name.strip())) {
            if (!w.isEmpty()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The first room named in the words, with its instance ("bedroom 2" for BedroomB), or null. */
    private static String room(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String room = null;
            int next = i + 1;
            if (next < words.size()) {
                room = TWO_WORD_ROOMS.get(words.get(i) + " " + words.get(next));
                if (room != null) {
                    next++;
                }
            }
            if (room == null) {
                room = ROOM_WORDS.get(words.get(i));
            }
            if (room != null) {
                return room + instanceSuffix(words, next);
            }
        }
        return null;
    }

    private static String instanceSuffix(List<String> words, int at) {
        if (at < words.size() && words.get(at).length() == 1 && Character.isLetter(words.get(at).charAt(0))) {
            int instance = words.get(at).charAt(0) - 'a' + 1;
            return instance <= 1 ? "" : " " + instance;
        }
        return "";
    }
}
