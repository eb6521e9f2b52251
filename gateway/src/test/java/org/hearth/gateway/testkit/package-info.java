/** Fakes, stand-ins and builders for the gateway's tests: in-memory stores, a scriptable channel, recorded speech. */
package org.hearth.gateway.testkit;
