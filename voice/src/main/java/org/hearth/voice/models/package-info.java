/**
 * Installing speech models and the native Vosk library on a device: checked against a SHA-256,
 * with progress, and atomic, so a failed install leaves the old one in place.
 */
package org.hearth.voice.models;
