/**
 * The resident's voice in the running home: the speaker, the microphone, the check-ins and the
 * talk button, joined to the domain's announcer and the voice module's alarm port.
 */
package org.hearth.gateway.app.resident;
