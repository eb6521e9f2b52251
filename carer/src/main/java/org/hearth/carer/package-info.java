/**
 * The carer's side of Hearth: a DTLS endpoint that receives alerts and heartbeats from a home's
 * gateway, shows each alert once in plain words, sends the carer's acknowledgement, and raises
 * its own alarm when the gateway falls silent. {@link org.hearth.carer.CarerEndpoint} is the
 * library an app can reuse; {@link org.hearth.carer.CarerMain} is the {@code hearth-carer} CLI.
 */
package org.hearth.carer;
