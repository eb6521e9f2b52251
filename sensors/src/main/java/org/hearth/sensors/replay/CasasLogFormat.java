package org.hearth.sensors.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two layouts CASAS publishes event logs in. */
public enum CasasLogFormat {
    /** The CIL measures layout: {@code 2016-07-12 00:00:30.600670<TAB>BedroomABed<TAB>ON<TAB>}. */
    CIL("timestamp<TAB>sensor<TAB>ON|OFF<TAB>"),
    /** The classic testbed layout: {@code 2010-11-04 00:03:50.209589 M003 ON [activity label]}. */
    CASAS("date time sensor state [label]");

    private final String layout;

    CasasLogFormat(String layout) {
        this.layout = layout;
    }

    /** How one line looks, for error messages. */
    public String layout() {
        return layout;
    }

    /** The name used on the command line: {@code cil} or {@code casas}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CasasLogFormat> fromCliName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName().equalsIgnoreCase(name)).findFirst();
    }
}
