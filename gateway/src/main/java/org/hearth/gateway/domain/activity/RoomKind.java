package org.hearth.gateway.domain.activity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a room is for, which sets how long a quiet spell after it is ordinary: after the kitchen
 * a pause is short, after the armchair it can be long. Rooms are named by the installer, so the
 * kind is guessed from words in the name (see {@link #of}); the installer can override it.
 */
public enum RoomKind {
    /** The way in and out: activity here may mean the resident went out. */
    ENTRY("entry", "entrance", "porch", "front door", "back door", "foyer", "exit"),
    BATHROOM("bath", "toilet", "wc", "shower", "lavatory", "washroom"),
    KITCHEN("kitchen", "pantry", "utility"),
    /** Long stillness here at night is sleep. */
    BEDROOM("bedroom", "bed room", "bed"),
    /** Places to sit for a long time: a long quiet spell is ordinary. */
    SITTING("living", "lounge", "sitting", "family", "office", "study", "dining", "conservatory", "chair"),
    /** Places people pass through. */
    PASSAGE("hall", "corridor", "landing", "stair"),
    OTHER();

    private final List<String> words;

    RoomKind(String... words) {
        this.words = List.of(words);
    }

    /** The kind of a room, from an override if the installer set one, else from words in its name. */
    public static RoomKind of(String room, Map<String, RoomKind> overrides) {
        String name = room.toLowerCase(Locale.ROOT).strip();
        RoomKind set = overrides.get(name);
        if (set != null) {
            return set;
        }
        for (RoomKind kind : values()) {
            for (String w : kind.words) {
                if (name.contains(w)) {
                    return kind;
                }
            }
        }
        return OTHER;
    }
}
