package org.hearth.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@Tag("medium")
class BenchVoiceCommandTest {

    @Test
    void printsTheBenchmarkLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchVoiceCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("--model", TestModel.dir().toString(), "--clips", "6");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).matches(
                "voice: clips=6 decode_ms=\\d+ reply_ms=\\d+ rtf=\\d+\\.\\d{3} rss_mb=\\d+\\R");
    }
}
