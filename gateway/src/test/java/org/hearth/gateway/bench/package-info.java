/**
 * JMH benchmarks. They are not tests and never run in the build; see
 * {@link org.hearth.gateway.bench.FallDetectorBenchmark} for how to run them.
 */
package org.hearth.gateway.bench;
