package org.hearth.gateway.domain;

import java.util.Map;
import java.util.Objects;
import org.hearth.sensors.SensorKind;

/**
 * Something to tell the resident, independent of language: a key and its arguments. The app
 * renders it in the resident's language; the keys are listed here so every language covers them.
 */
public record Phrase(String key, Map<String, String> args) {

    /** "Are you all right? Say 'I'm fine' or press the button. Otherwise I will call for help in {seconds} seconds." */
    public static final String PRE_ALARM_QUESTION = "prealarm.question";
    /** "All right. I won't call anyone." */
    public static final String PRE_ALARM_CANCELLED = "prealarm.cancelled";
    /** "There is nothing to cancel." */
    public static final String NOTHING_TO_CANCEL = "prealarm.none";
    /** "I am calling for help now." */
    public static final String CALLING_FOR_HELP = "alert.calling";
    /** "I have told {carer}." */
    public static final String CARER_TOLD = "alert.told";
    /** "{carer} is on the way." */
    public static final String CARER_COMING = "alert.coming";
    /** "I can't reach your carers right now. If you need help, call {number}." */
    public static final String CARERS_UNREACHABLE = "carers.unreachable";
    /** "I can reach your carers again." */
    public static final String CARERS_BACK = "carers.back";
    /** "Walk test. Pull each cord and press each button: I will tell you which work. ..." */
    public static final String WALK_TEST_STARTED = "walktest.started";
    /** "The {room} cord works.", and so on for each kind the walk test reports. */
    public static final Map<SensorKind, String> WALK_TEST_WORKS = Map.of(
            SensorKind.PULL_CORD, "walktest.cord",
            SensorKind.HELP_BUTTON, "walktest.help",
            SensorKind.FALL_OUTPUT, "walktest.fall");
    /** "That was held down, so this is a real call for help." */
    public static final String WALK_TEST_REAL = "walktest.real";
    /** "The walk test is over. The cords and buttons call for help again." */
    public static final String WALK_TEST_ENDED = "walktest.ended";

    public Phrase {
        Objects.requireNonNull(key, "key");
        args = Map.copyOf(args);
    }

    public static Phrase of(String key) {
        return new Phrase(key, Map.of());
    }

    public static Phrase of(String key, String name, String value) {
        return new Phrase(key, Map.of(name, value));
    }
}
