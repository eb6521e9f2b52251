/**
 * Benchmarks run from the command line ({@code hearth bench ...}): they start real parts of the
 * gateway, the sensors and the voice pipeline on this machine, measure, and print one line of
 * figures. Not timed tests: {@code ./run-benches} runs them with their aims (tag {@code bench}).
 */
package org.hearth.tools.bench;
