/**
 * The carer's side of Hearth as a library an app or a server can reuse: a DTLS endpoint that
 * receives alerts and heartbeats from a home's gateway once each ({@link org.hearth.carer.CarerEndpoint}),
 * sends the carer's acknowledgements and resolutions, keeps a journal of what arrived, tracks the
 * alerts waiting for an answer, raises the carer's own alarm when the gateway falls silent, and
 * stores the carer's enrolled settings. Plain Java 17 and SLF4J's API: no command line, no AWT,
 * no logging backend ({@code LibraryBoundaryTest} and the module's enforcer rule keep it so). The
 * {@code hearth-carer} command line is {@code org.hearth.carer.cli} in the {@code carer-cli} module.
 */
package org.hearth.carer;
