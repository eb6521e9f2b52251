package org.hearth.sensors.replay;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SisFall file name says about its trial: {@code <Dnn|Fnn>_<SAnn|SEnn>_Rnn.txt}, for
 * example {@code F05_SA01_R04.txt} is the fourth trial of fall type 5 by young adult 1.
 *
 * @param activity the activity code, {@code D01}–{@code D19} (daily living) or {@code F01}–{@code F15} (fall)
 * @param subject  the subject, {@code SA01}… (adults 19–30) or {@code SE01}… (elderly, 60–75)
 * @param trial    the trial number, from 1
 */
public record SisFallName(String activity, String subject, int trial) {

    private static final Pattern NAME = Pattern.compile("([DF]\\d{2})_(S[AE]\\d{2})_R(\\d{2})\\.txt");

    /** The activities, as the data set's Readme describes them. */
    private static final Map<String, String> ACTIVITIES = Map.ofEntries(
            Map.entry("D01", "Walking slowly"),
            Map.entry("D02", "Walking quickly"),
            Map.entry("D03", "Jogging slowly"),
            Map.entry("D04", "Jogging quickly"),
            Map.entry("D05", "Walking upstairs and downstairs slowly"),
            Map.entry("D06", "Walking upstairs and downstairs quickly"),
            Map.entry("D07", "Slowly sit in a half height chair, wait a moment, and up slowly"),
            Map.entry("D08", "Quickly sit in a half height chair, wait a moment, and up quickly"),
            Map.entry("D09", "Slowly sit in a low height chair, wait a moment, and up slowly"),
            Map.entry("D10", "Quickly sit in a low height chair, wait a moment, and up quickly"),
            Map.entry("D11", "Sitting a moment, trying to get up, and collapse into a chair"),
            Map.entry("D12", "Sitting a moment, lying slowly, wait a moment, and sit again"),
            Map.entry("D13", "Sitting a moment, lying quickly, wait a moment, and sit again"),
            Map.entry("D14", "Being on one's back change to lateral position, wait a moment, and change to one's back"),
            Map.entry("D15", "Standing, slowly bending at knees, and getting up"),
            Map.entry("D16", "Standing, slowly bending without bending knees, and getting up"),
            Map.entry("D17", "Standing, get into a car, remain seated and get out of the car"),
            Map.entry("D18", "Stumble while walking"),
            Map.entry("D19", "Gently jump without falling (trying to reach a high object)"),
            Map.entry("F01", "Fall forward while walking caused by a slip"),
            Map.entry("F02", "Fall backward while walking caused by a slip"),
            Map.entry("F03", "Lateral fall while walking caused by a slip"),
            Map.entry("F04", "Fall forward while walking caused by a trip"),
            Map.entry("F05", "Fall forward while jogging caused by a trip"),
            Map.entry("F06", "Vertical fall while walking caused by fainting"),
            Map.entry("F07", "Fall while walking, with use of hands in a table to dampen fall, caused by fainting"),
            Map.entry("F08", "Fall forward when trying to get up"),
            Map.entry("F09", "Lateral fall when trying to get up"),
            Map.entry("F10", "Fall forward when trying to sit down"),
            Map.entry("F11", "Fall backward when trying to sit down"),
            Map.entry("F12", "Lateral fall when trying to sit down"),
            Map.entry("F13", "Fall forward while sitting, caused by fainting or falling asleep"),
            Map.entry("F14", "Fall backward while sitting, caused by fainting or falling asleep"),
            Map.entry("F15", "Lateral fall while sitting, caused by fainting or falling asleep"));

    /** The parts of {@code fileName}, or empty when it is not a SisFall trial's name. */
    public static Optional<SisFallName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SisFallName(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    }

    /** True for a fall trial (F01–F15), false for an activity of daily living (D01–D19). */
    public boolean isFall() {
        return activity.charAt(0) == 'F';
    }

    /** True for an elderly subject (SEnn). */
    public boolean elderly() {
        return subject.startsWith("SE");
    }

    /** What the subject did, in the data set's words; empty for a code the Readme does not list. */
    public String description() {
        return description(activity);
    }

    /** The data set's description of an activity code such as {@code F05}; empty when unknown. */
    public static String description(String activity) {
        return ACTIVITIES.getOrDefault(activity, "");
    }

    public String fileName() {
        return String.format("%s_%s_R%02d.txt", activity, subject, trial);
    }
}
