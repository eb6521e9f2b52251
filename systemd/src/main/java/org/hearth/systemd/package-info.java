/**
 * The daemon's side of systemd: {@link org.hearth.systemd.SystemdNotifier} sends sd_notify
 * messages (ready, watchdog, stopping, status) to {@code NOTIFY_SOCKET}, and does nothing outside
 * systemd. The unit, sysusers.d and tmpfiles.d files that run the daemon live beside this code in
 * {@code src/main/systemd}; the packaging module installs them.
 */
package org.hearth.systemd;
