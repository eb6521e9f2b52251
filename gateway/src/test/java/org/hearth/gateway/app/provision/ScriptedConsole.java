package org.hearth.gateway.app.provision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A console that answers from a script, in order, and keeps everything the wizard said. */
final class ScriptedConsole implements Console {

    private final Deque<String> answers;
    private final List<String> transcript = new ArrayList<>();

    ScriptedConsole(List<String> answers) {
        this.answers = new ArrayDeque<>(answers);
    }

    @Override
    public void say(String line) {
        transcript.add(line);
    }

    @Override
    public String ask(String question) {
        String a = answers.poll();
        transcript.add(question + " " + (a == null ? "<end of input>" : a));
        return a;
    }

    String transcript() {
        return String.join("\n", transcript);
    }

    int unanswered() {
        return answers.size();
    }
}
