/**
 * The offline voice assistant: it hears an utterance, finds its intent and answers in the
 * resident's language. It reaches the home only through the ports in this package
 * ({@link org.hearth.voice.AlarmPort}, {@link org.hearth.voice.ReminderStore},
 * {@link org.hearth.voice.Speaker}), which the gateway implements.
 */
package org.hearth.voice;
