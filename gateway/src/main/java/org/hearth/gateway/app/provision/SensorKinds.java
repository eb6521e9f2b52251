package org.hearth.gateway.app.provision;

import java.time.Duration;
import java.util.Locale;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;

/**
 * Each sensor kind in plain words, with the room it is usually in, the pin docs/sensors.md
 * suggests, and its wiring: the installer chooses the kind, room and pin, and the rest follows.
 */
final class SensorKinds {

    private SensorKinds() {
    }

    /** "pull cord", "motion sensor": what an installer calls it. */
    static String plain(SensorKind kind) {
        return switch (kind) {
            case PIR -> "motion sensor";
            case CONTACT -> "door or window contact";
            case PRESSURE_MAT -> "pressure mat";
            case PULL_CORD -> "pull cord";
            case HELP_BUTTON -> "help button";
            case CANCEL_BUTTON -> "\"I'm fine\" button";
            case FALL_OUTPUT -> "fall sensor (radar or mat output)";
            case TALK_BUTTON -> "talk button";
        };
    }

    static String usualRoom(SensorKind kind) {
        return switch (kind) {
            case PIR -> "kitchen";
            case CONTACT -> "hall";
            case PRESSURE_MAT, FALL_OUTPUT -> "bedroom";
            case PULL_CORD -> "bathroom";
            case HELP_BUTTON, CANCEL_BUTTON, TALK_BUTTON -> "living room";
        };
    }

    /** The BCM pin in docs/sensors.md's table. */
    static int suggestedPin(SensorKind kind) {
        return switch (kind) {
            case PIR -> 4;
            case CONTACT -> 5;
            case PRESSURE_MAT -> 13;
            case PULL_CORD -> 26;
            case HELP_BUTTON -> 23;
            case CANCEL_BUTTON -> 24;
            case FALL_OUTPUT -> 25;
            case TALK_BUTTON -> 6;
        };
    }

    /** PIR modules drive the line themselves; switches to ground need the pull-up. */
    static Pull pull(SensorKind kind) {
        return kind == SensorKind.PIR ? Pull.OFF : Pull.UP;
    }

    /** PIRs and door contacts (closed while shut) read high while active; switches to ground read low. */
    static boolean activeLow(SensorKind kind) {
        return kind != SensorKind.PIR && kind != SensorKind.CONTACT;
    }

    /** How long it may stay quiet in ordinary life before it counts as suspect. */
    static Duration maxSilence(SensorKind kind) {
        return switch (kind) {
            case PIR, PRESSURE_MAT -> Duration.ofDays(2);
            case CONTACT -> Duration.ofDays(3);
            default -> Duration.ofDays(30);
        };
    }

    /** A short id prefix: "cord", "pir", "door". */
    static String idPrefix(SensorKind kind) {
        return switch (kind) {
            case PIR -> "pir";
            case CONTACT -> "door";
            case PRESSURE_MAT -> "mat";
            case PULL_CORD -> "cord";
            case HELP_BUTTON -> "help";
            case CANCEL_BUTTON -> "cancel";
            case FALL_OUTPUT -> "fall";
            case TALK_BUTTON -> "talk";
        };
    }

    /** "cord-bathroom", "pir-living-room". */
    static String id(SensorKind kind, String room) {
        return id(idPrefix(kind), room);
    }

    /** "radar-living-room", "accel-bedroom". */
    static String id(String prefix, String room) {
        String slug = room.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return prefix + (slug.isEmpty() ? "" : "-" + slug);
    }
}
