package org.hearth.hub.store;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resident's phone number as the hub keeps it: international form, a {@code +} then 8 to 15 digits, the first not 0
 * (ITU-T E.164 allows at most 15 digits, country code included). People may type spaces between the digits; they are
 * dropped, so {@code +44 7700 900123} is kept as {@code +447700900123}, which a {@code tel:} link dials from anywhere.
 */
public final class PhoneNumbers {

    /** What a phone number must look like, in words for the person who typed one. */
    public static final String RULE = "a phone number must be in international form: + then the country code and number,"
            + " 8 to 15 digits, spaces allowed (e.g. +44 7700 900123)";

    private static final Pattern NORMALISED = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private PhoneNumbers() {
    }

    /** The number in {@code text}, normalised; empty when it is not one. */
    public static Optional<String> normalise(String text) {
        String compact = text.strip().replace(" ", "");
        return NORMALISED.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
