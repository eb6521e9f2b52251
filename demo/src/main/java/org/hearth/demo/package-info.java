/**
 * What only {@code hearth demo} uses, run as processes of their own so that the gateway carries
 * neither a NAT nor a browser: {@link org.hearth.demo.NatCommand} is the home router between the
 * gateway and the hub (a UDP relay that moves the gateway to a new source port now and then), and
 * {@link org.hearth.demo.WebCarerCommand} is the carer's phone, the hub's web app in Debian's
 * headless Chromium driven by Selenium. Each prints one line per thing a person would notice; the
 * demo shows them in its timeline.
 */
package org.hearth.demo;
