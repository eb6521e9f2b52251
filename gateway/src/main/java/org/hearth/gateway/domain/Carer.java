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
 */
public record Carer(String name, int level, URI endpoint, String identity) {

    public Carer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(identity, "identity");
    }
}
