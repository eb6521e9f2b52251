/** Whether each home's gateway is heard: GATEWAY SILENT after three missed heartbeats, BACK when one returns. */
package org.hearth.hub.liveness;
