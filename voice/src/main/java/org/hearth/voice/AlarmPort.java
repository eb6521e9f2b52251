package org.hearth.voice;

import java.util.Optional;

/**
 * How the assistant reaches the gateway's alarm machinery. The gateway implements it; every call
 * comes from the assistant's thread and must return quickly (post to the event loop, don't block).
 */
public interface AlarmPort {

    /** The resident asked for help by voice: raise an alert now, skipping the pre-alarm. */
    void raiseHelp();

    /**
     * The resident said they are fine: cancel the open pre-alarm, if any.
     *
     * @return whether a pre-alarm was open and is now cancelled
     */
    boolean cancelPreAlarm();

    /**
     * Send the first carer a non-urgent "please call" message.
     *
     * @return the carer's first name to tell the resident, empty if no carer is set up
     */
    Optional<String> callCarer();

    /**
     * A daily reminder rang its last time and the resident never said "done": send the first
     * carer a non-urgent message. It must never escalate: a missed dose is not an emergency.
     *
     * @param task the assistant's wording of the task ("take your tablets"), empty for "remind me at nine"
     */
    void reminderMissed(Optional<String> task);
}
