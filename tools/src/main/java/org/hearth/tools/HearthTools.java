package org.hearth.tools;

import java.util.List;
import org.hearth.gateway.app.Hearth;
import org.hearth.tools.bench.BenchCommand;
import org.hearth.tools.eval.EvalCommand;

/**
 * {@code hearth} with the developers' commands, {@code bench} and {@code eval}, added to the
 * gateway's own. The repository's {@code ./hearth} runs this class for those two commands; the
 * installed package has neither (docs/performance.md, "Benchmarks and evaluations").
 */
public final class HearthTools {

    private HearthTools() {
    }

    public static void main(String[] args) {
        System.exit(Hearth.execute(args, commands()));
    }

    /** The commands this module adds, new for each command line (picocli keeps state in them). */
    public static List<Object> commands() {
        return List.of(new EvalCommand(), new BenchCommand());
    }
}
