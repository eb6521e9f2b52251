package org.hearth.gateway.domain.activity;

import org.hearth.time.ClockJump;

/** One of the installer's or the learned rules, told of every presence activity in the home. */
interface ActivityRule {

    /**
     * @param a       the activity
     * @param wasHome whether the resident counted as home just before it
     */
    void onActivity(Activity a, boolean wasHome);

    /** The wall clock was set: move every instant kept from before, and re-plan wall-clock checks. */
    void clockJumped(ClockJump jump);
}
