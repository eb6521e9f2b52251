/** The hub's settings: {@code hub.yaml} read into records, every problem listed before anything starts. */
package org.hearth.hub.config;
