package org.hearth.gateway.app.config;

/**
 * This gateway's version, read in one place so that {@code hearth --version} and the summary the
 * hub shows carers never disagree.
 */
public final class Version {

    private Version() {
    }

    /** The version in the jar's manifest, or "development" when run from classes, which have none. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
