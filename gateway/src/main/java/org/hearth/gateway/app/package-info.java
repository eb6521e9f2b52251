/**
 * The application: configuration, the one place where concrete parts are wired in a fixed order
 * ({@link org.hearth.gateway.app.Daemon}), and the {@code hearth} command line.
 */
package org.hearth.gateway.app;
