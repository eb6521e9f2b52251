package org.hearth.gateway.domain.activity;

/**
 * Which rooms a rule about {@code room} covers: a rule naming a kind of room ("kitchen",
 * "bathroom") covers every room of that kind ("bathroom 2" too); any other name covers the room
 * of exactly that name.
 */
record RoomMatch(String room, RoomKind kind, ActivityParameters.Rooms rooms) {

    static RoomMatch of(String room, ActivityParameters.Rooms rooms) {
        return new RoomMatch(room, rooms.kindOf(room), rooms);
    }

    boolean covers(String other) {
        return kind == RoomKind.OTHER ? other.equalsIgnoreCase(room) : rooms.kindOf(other) == kind;
    }
}
