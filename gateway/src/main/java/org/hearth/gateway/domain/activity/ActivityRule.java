package org.hearth.gateway.domain.activity;

/** One of the installer's or the learned rules, told of every presence activity in the home. */
interface ActivityRule {

    /**
     * @param a       the activity
     * @param wasHome whether the resident counted as home just before it
     */
    void onActivity(Activity a, boolean wasHome);
}
