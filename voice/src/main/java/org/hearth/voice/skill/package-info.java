/**
 * What the assistant knows without a network: a council's knowledge pack (bins, libraries, phone
 * lines, benefits advice), opening hours and the bin-collection cycle with bank-holiday shifts.
 */
package org.hearth.voice.skill;
