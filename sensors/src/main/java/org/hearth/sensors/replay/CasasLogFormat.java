package org.hearth.sensors.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats CASAS publishes event logs in, as named on the command line. */
public enum CasasLogFormat {
    /** The CIL measures layout: {@code 2016-07-12 00:00:30.600670<TAB>BedroomABed<TAB>ON<TAB>}. */
    CIL("timestamp<TAB>sensor<TAB>ON|OFF<TAB>"),
    /**
     * The whitespace layouts, told apart by content: classic ({@code 2010-11-04 00:03:50.209589 M003 ON
     * [activity [begin|end]]}) and area and sensor ({@code 2011-06-15 00:06:32 Bedroom M021 ON [activity]}).
     */
    CASAS("date time [area] sensor state [activity [begin|end]]");

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
