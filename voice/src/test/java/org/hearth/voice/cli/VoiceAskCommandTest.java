package org.hearth.voice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.hearth.voice.Reply;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code hearth voice ask --text} in every language, quiet. */
@Tag("small")
class VoiceAskCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new VoiceAskCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | help me please | help.emergency",
        "en | I'm fine | alarm.cancel",
        "hi | मदद करो | help.emergency",
        "hi | आज क्या तारीख है | date.today",
        "gu | મદદ કરો | help.emergency",
        "gu | કેટલા વાગ્યા | time.now",
        "pa | ਮੈਂ ਠੀਕ ਹਾਂ | alarm.cancel",
        "pa | ਕੂੜਾ ਕਦੋਂ ਚੁੱਕਿਆ ਜਾਵੇਗਾ | council.bins.next",
        "ur | میری بیٹی کو فون کرو | carer.call",
        "ur | मदद करो | help.emergency",
        "pl | pomocy | help.emergency",
        "pl | kiedy jest wywóz śmieci | council.bins.next",
        "bn | আমি ঠিক আছি | alarm.cancel",
        "bn | কটা বাজে | time.now",
    })
    void answersTypedQuestionsInEveryLanguage(String lang, String text, String intent) {
        Run r = run("--lang", lang, "--quiet", "--bin-day", "TUESDAY", "--text", text);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).matches("intent=" + intent.replace(".", "\\.") + " reply=\"[^\\n]+\"\\R");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyLanguageSaysItDidNotUnderstandNonsense(String lang) {
        Run r = run("--lang", lang, "--quiet", "--text", "zzz qqq xxx");
        assertThat(r.out()).startsWith("intent=none reply=\"").doesNotContain("reply=\"\"");
    }

    static Stream<String> languages() {
        return LanguageFile.BUILT_IN.stream();
    }

    @Test
    void failOnNoneFailsOnlyWhenTheQuestionIsNotUnderstood() {
        assertThat(run("--quiet", "--text", "zzz qqq xxx").code()).isZero();
        Run none = run("--quiet", "--fail-on-none", "--text", "zzz qqq xxx");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).startsWith("intent=none ");
        assertThat(run("--quiet", "--fail-on-none", "--text", "what time is it").code()).isZero();
    }

    @Test
    void quotesInRepliesAreEscaped() {
        assertThat(VoiceAskCommand.line(null, new Reply(Intent.NONE, "say \"yes\"", false))).isEqualTo("intent=none reply=\"say \\\"yes\\\"\"");
    }

    @Test
    void needsTextOrFiles() {
        assertThat(run("--quiet").code()).isEqualTo(2);
        assertThat(run("--quiet", "--text", "hi", "x.wav").code()).isEqualTo(2);
    }

    @Test
    void unknownLanguageIsAPlainError() {
        Run r = run("--lang", "xx", "--quiet", "--text", "hello");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no built-in language 'xx'");
    }
}
