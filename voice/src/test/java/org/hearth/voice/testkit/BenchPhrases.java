package org.hearth.voice.testkit;

import java.util.List;
import java.util.Random;

/** Turns a template phrase into something to say, filling its slots with sample values. */
public final class BenchPhrases {

    private static final String[] TASKS = {"take my tablets", "drink some water", "feed the cat", "take my pills"};
    private static final String[] TIMES = {"six pm", "half past seven", "nine in the morning", "ten thirty",
        "quarter to eight in the evening", "noon"};

    private BenchPhrases() {
    }

    public static String speakable(List<String> phrase, Random random) {
        StringBuilder s = new StringBuilder();
        for (String token : phrase) {
            if (s.length() > 0) {
                s.append(' ');
            }
            switch (token) {
                case "{task}" -> s.append(TASKS[random.nextInt(TASKS.length)]);
                case "{time}" -> s.append(TIMES[random.nextInt(TIMES.length)]);
                default -> s.append(token);
            }
        }
        return s.toString();
    }
}
