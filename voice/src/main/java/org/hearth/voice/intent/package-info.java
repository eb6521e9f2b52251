/**
 * Intents and their templates: language files expanded into phrases, the matcher that scores
 * recognised or typed words against them (tolerating near misses, strict about help and cancel),
 * and slots such as the time of a reminder.
 */
package org.hearth.voice.intent;
