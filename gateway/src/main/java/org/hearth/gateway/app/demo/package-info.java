/**
 * {@code hearth demo}: a simulated home run as a real daemon, with a real hub, NAT and carer's
 * phone as processes of their own.
 */
package org.hearth.gateway.app.demo;
