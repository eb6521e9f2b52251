/**
 * Time as a dependency. Every timer in Hearth (pre-alarm, escalation, debounce, heartbeats,
 * retention) reads {@link org.hearth.time.Scheduler#clock()} and schedules on a {@link Scheduler}.
 * The daemon uses {@link org.hearth.time.RealTimeScheduler}; the demo uses it sped up; tests and
 * the {@code eval} replays use {@link org.hearth.time.VirtualScheduler}, where a week passes in
 * milliseconds.
 */
package org.hearth.time;
