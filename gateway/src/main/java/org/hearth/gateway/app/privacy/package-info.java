/** The resident's data on request: {@code hearth export} (everything held about the home) and {@code hearth purge}. */
package org.hearth.gateway.app.privacy;
