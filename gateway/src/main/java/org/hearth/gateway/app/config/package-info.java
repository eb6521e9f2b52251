/**
 * The configuration file {@code /etc/hearth/hearth.yaml} and the secrets file, read into typed
 * records and validated as a whole: every problem is reported at once as {@code key.path: message},
 * and an invalid file never starts the daemon. {@link org.hearth.gateway.app.config.Settings} defines
 * every key once (kind, default, bounds, unit, documentation, secret); {@code docs/config.md} is
 * generated from it ({@link org.hearth.gateway.app.config.ConfigDocs}), and the daemon logs the
 * values in effect at start ({@link org.hearth.gateway.app.config.EffectiveConfig}), secrets masked.
 */
package org.hearth.gateway.app.config;
