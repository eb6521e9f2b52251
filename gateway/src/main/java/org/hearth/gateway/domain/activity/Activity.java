package org.hearth.gateway.domain.activity;

import java.time.Instant;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.ClockJump;

/**
 * A sign of someone moving about: a presence sensor's change, with its room understood.
 *
 * @param activation the start of something (motion seen, door opened, mat pressed); the end of
 *                   a PIR's motion is still activity, but only activations count as separate
 *                   signs when telling a blip from a return
 */
record Activity(String sensorId, String room, RoomKind roomKind, SensorKind kind, boolean activation, Instant at) {

    static boolean isPresence(SensorEvent e) {
        return org.hearth.gateway.domain.SensorRole.SIGN_OF_LIFE.of(e.kind());
    }

    static Activity of(SensorEvent e, ActivityParameters.Rooms rooms) {
        return new Activity(e.sensorId(), e.room(), rooms.kindOf(e.room()), e.kind(), e.active(), e.at());
    }

    /**
     * A presence radar's motion: someone started moving ({@code activation}), or stopped moving
     * and is still there. Radar motion is movement, as a PIR's is, so it is taken as a PIR's.
     */
    static Activity radarMotion(PresenceEvent e, ActivityParameters.Rooms rooms, boolean activation) {
        return new Activity(e.sensorId(), e.room(), rooms.kindOf(e.room()), SensorKind.PIR, activation, e.at());
    }

    /** The same activity, its time moved with a wall-clock jump that came after it. */
    Activity rebased(ClockJump jump) {
        return new Activity(sensorId, room, roomKind, kind, activation, jump.rebase(at));
    }

    boolean isBedMat() {
        return kind == SensorKind.PRESSURE_MAT && roomKind == RoomKind.BEDROOM;
    }

    boolean isSeatMat() {
        return kind == SensorKind.PRESSURE_MAT && roomKind != RoomKind.BEDROOM;
    }
}
