/** Fakes and fixtures for voice tests: alarm port, speaker, the shared model, generated speech. */
package org.hearth.voice.testkit;
