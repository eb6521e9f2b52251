/**
 * Benchmarks run from the command line ({@code hearth bench ...}): they start real parts of the
 * gateway on this machine, measure, and print one line of figures. Not timed tests.
 */
package org.hearth.gateway.app.bench;
