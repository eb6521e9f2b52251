package org.hearth.voice.models;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line text progress bar, redrawn in place, at most once per percent. */
public final class ProgressBar implements Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private int lastPercent = -1;
    private long lastMb = -1;

    public ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void update(long done, long total) {
        if (total > 0) {
            int percent = (int) Math.min(100, done * 100 / total);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent * WIDTH / 100;
            out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %6.1f / %.1f MB", label, "#".repeat(filled),
                    "-".repeat(WIDTH - filled), percent, done / 1e6, total / 1e6));
        } else {
            long mb = done / 1_000_000;
            if (mb == lastMb) {
                return;
            }
            lastMb = mb;
            out.print(String.format(Locale.ROOT, "\r%s %6.1f MB", label, done / 1e6));
        }
        out.flush();
    }

    @Override
    public void finish() {
        out.println();
    }

    /** What the bar shows now, for tests. */
    int lastPercent() {
        return lastPercent;
    }
}
