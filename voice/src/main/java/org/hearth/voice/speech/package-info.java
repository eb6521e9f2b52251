/** Speaking: espeak-ng as a subprocess, one voice per language, and a printing fallback. */
package org.hearth.voice.speech;
