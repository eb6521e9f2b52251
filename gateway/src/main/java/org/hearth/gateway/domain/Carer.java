package org.hearth.gateway.domain;

import java.net.URI;
import java.util.Objects;

/**
 * A person or service on the escalation ladder.
 *
 * @param name     how the resident and the audit log name them, for example "Priya"
 * @param level    escalation level, from 1; the last level is the helpline or monitoring centre
 * @param endpoint where their device listens, for example {@code coaps://192.0.2.7:5684}
 * @param identity their PSK identity, which must match an acknowledgement's sender
 * @param viaHub   reached through the care hub: {@code endpoint} is the hub's, and the hub's
 *                 authenticated session speaks for them (their {@code identity} is
 *                 {@link #hubIdentity}, never a DTLS identity)
 */
public record Carer(String name, int level, URI endpoint, String identity, boolean viaHub) {

    public Carer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(identity, "identity");
    }

    /** A carer reached directly, at their own device. */
    public Carer(String name, int level, URI endpoint, String identity) {
        this(name, level, endpoint, identity, false);
    }

    /** A carer reached through the care hub at {@code hub}. */
    public static Carer throughHub(String name, int level, URI hub) {
        return new Carer(name, level, hub, hubIdentity(name), true);
    }

    /**
     * The identity under which the hub's acknowledgements for {@code name} are applied. The colon
     * keeps it apart from DTLS identities, which {@code hearth pair} makes of letters, digits and dashes.
     */
    public static String hubIdentity(String name) {
        return "hub:" + name;
    }
}
