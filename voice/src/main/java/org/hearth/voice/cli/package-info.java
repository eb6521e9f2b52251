/**
 * Picocli commands of the voice module: {@code voice ask}, {@code models install} and
 * {@code bench voice}. The gateway's root command registers them; {@link VoiceCommands} is a
 * small stand-alone entry point for development.
 */
package org.hearth.voice.cli;
