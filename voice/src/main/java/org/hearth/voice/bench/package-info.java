/** The voice benchmark and the speech clips it, and the tests, make with espeak-ng and sox. */
package org.hearth.voice.bench;
