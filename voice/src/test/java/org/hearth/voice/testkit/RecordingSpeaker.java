package org.hearth.voice.testkit;

import java.util.ArrayList;
import java.util.List;
import org.hearth.voice.Speaker;

/** Remembers what it was asked to say, in order. */
public final class RecordingSpeaker implements Speaker {

    private final List<String> said = new ArrayList<>();
    private int stops;

    @Override
    public synchronized void say(String text, String language) {
        said.add(text);
    }

    @Override
    public synchronized void stop() {
        stops++;
    }

    public synchronized List<String> said() {
        return List.copyOf(said);
    }

    public synchronized String last() {
        return said.isEmpty() ? null : said.get(said.size() - 1);
    }

    public synchronized int stops() {
        return stops;
    }
}
