package org.hearth.voice.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.hearth.voice.Speaker;

/** Remembers what it was asked to say, in order. */
public final class RecordingSpeaker implements Speaker {

    private final List<String> said = new ArrayList<>();
    private int stops;
    private int rate = 135;

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

    @Override
    public synchronized OptionalInt rate() {
        return OptionalInt.of(rate);
    }

    @Override
    public synchronized void rate(int wordsPerMinute) {
        rate = wordsPerMinute;
    }
}
