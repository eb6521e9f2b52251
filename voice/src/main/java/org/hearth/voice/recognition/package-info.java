/**
 * Hearing: audio in through javax.sound.sampled, the app's own endpointing, and Vosk in grammar
 * mode. No Vosk type leaves this package's public signatures.
 */
package org.hearth.voice.recognition;
