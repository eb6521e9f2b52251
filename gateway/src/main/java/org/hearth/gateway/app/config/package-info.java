/**
 * The configuration file {@code /etc/hearth/hearth.yaml} and the secrets file, read into typed
 * records and validated as a whole: every problem is reported at once as {@code key.path: message},
 * and an invalid file never starts the daemon. Defaults are documented in {@code docs/config.md}
 * and the example {@code hearth.example.yaml}.
 */
package org.hearth.gateway.app.config;
