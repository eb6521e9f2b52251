package org.hearth.gateway.app.provision;

import org.hearth.gateway.app.config.Setting;
import org.hearth.gateway.app.config.Settings;
import org.hearth.time.Durations;

/**
 * Section 6 of the wizard: the times and temperatures that decide when carers are told, each
 * bounded by its setting in {@link Settings}.
 */
final class ThresholdQuestions {

    private final Asking asking;
    private final HomePlan plan;

    ThresholdQuestions(Asking asking, HomePlan plan) {
        this.asking = asking;
        this.plan = plan;
    }

    String summary() {
        return "Thresholds: \"I'm fine\" time " + Durations.format(plan.preAlarm) + ", each carer has "
                + Durations.format(plan.escalationTimeout) + ", kitchen movement by " + plan.kitchenMotionBy
                + ", bathroom at most " + Durations.format(plan.bathroomMax) + ", temperature "
                + Checks.plain(plan.temperatureLowC) + "-" + Checks.plain(plan.temperatureHighC) + " °C, events kept "
                + plan.eventsRetentionDays + " days";
    }

    void ask() {
        asking.say("6. Thresholds (press Enter to keep each one)");
        plan.preAlarm = asking.ask("When Hearth asks \"are you all right?\", how long has the resident to answer before carers are told? "
                + range(Settings.ALERTS_PRE_ALARM), Durations.format(plan.preAlarm), t -> Checks.duration(t, Settings.ALERTS_PRE_ALARM));
        plan.escalationTimeout = asking.ask("How long has each carer to answer before the next one is told? "
                + range(Settings.ALERTS_ESCALATION_TIMEOUT), Durations.format(plan.escalationTimeout),
                t -> Checks.duration(t, Settings.ALERTS_ESCALATION_TIMEOUT));
        plan.kitchenMotionBy = asking.ask("By what time should there be movement in the kitchen each morning?",
                plan.kitchenMotionBy.toString(), t -> Checks.time(t, Settings.DETECTION_KITCHEN_MOTION_BY));
        plan.bathroomMax = asking.ask("How long can the bathroom be in use before Hearth asks if all is well? "
                + range(Settings.DETECTION_BATHROOM_MAX), Durations.format(plan.bathroomMax),
                t -> Checks.duration(t, Settings.DETECTION_BATHROOM_MAX));
        plan.temperatureLowC = asking.ask("Tell the carers when the home is colder than how many °C? "
                + range(Settings.DETECTION_TEMPERATURE_LOW),
                Checks.plain(plan.temperatureLowC), t -> Checks.number(t, Settings.DETECTION_TEMPERATURE_LOW));
        double low = plan.temperatureLowC;
        double highest = Settings.DETECTION_TEMPERATURE_HIGH.max();
        plan.temperatureHighC = asking.ask("...and warmer than how many °C? " + range(Settings.DETECTION_TEMPERATURE_HIGH),
                Checks.plain(Math.max(plan.temperatureHighC, Math.min(highest, low + Settings.TEMPERATURE_GAP_C))), t -> {
                    Checked<Double> v = Checks.number(t, Settings.DETECTION_TEMPERATURE_HIGH);
                    return v.isOk() ? Checks.temperatures(low, v.value()).<Checked<Double>>map(Checked::no).orElse(v) : v;
                });
        plan.eventsRetentionDays = asking.ask("How many days should sensor events be kept? "
                + range(Settings.STORAGE_EVENTS_RETENTION_DAYS),
                Integer.toString(plan.eventsRetentionDays), t -> Checks.whole(t, Settings.STORAGE_EVENTS_RETENTION_DAYS));
    }

    /** "(10s to 5m)": the setting's bounds, as the question shows them. */
    private static String range(Setting<?> s) {
        return "(" + s.range() + ")";
    }
}
