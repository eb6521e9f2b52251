/**
 * The carers' HTTPS API (docs/hub-api.md §3, §4) on the JDK's {@code HttpsServer}: enrolment with
 * a one-time invite, per-home authorisation by device credential, the access log, rate limits, and
 * carers' acts passed to the gateway through the uplink's downward queue, and the live stream of
 * Server-Sent Events read from the store's stream entries; and the carer web app's own files at
 * {@code /} ({@code WebApp}). It uses {@code store} and
 * {@code uplink}; neither knows it.
 */
package org.hearth.hub.http;
