package org.hearth.gateway.domain;

/** Speaks to the resident, in their language, at a slow clear rate. */
public interface Announcer {

    /** Says {@code phrase}; must not block the event loop. */
    void say(Phrase phrase);
}
