package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class LanguageFileTest {

    private static LanguageResources parse(String body) {
        return LanguageFile.parse("test.txt", "@language xx\n" + body);
    }

    @Test
    void expandsChoicesOptionalWordsAndMacros() {
        LanguageResources r = parse("""
                $please = [please]
                [help.emergency]
                (help | save) me $please
                """);
        assertThat(r.phrases().get(Intent.HELP_EMERGENCY)).containsExactlyInAnyOrder(
                List.of("help", "me", "please"), List.of("help", "me"),
                List.of("save", "me", "please"), List.of("save", "me"));
    }

    @Test
    void nestedGroupsAndEmptyAlternatives() {
        LanguageResources r = parse("""
                [time.now]
                what ((is | 's) the time | time is it) [now | ]
                """);
        assertThat(r.phrases().get(Intent.TIME_NOW)).hasSize(6).contains(List.of("what", "time", "is", "it", "now"));
    }

    @Test
    void slotValuesRepliesAndWakePhrases() {
        LanguageResources r = parse("""
                [slot task]
                (take | have) my pills => take your pills
                [wake]
                (hello | hey) hearth
                [replies]
                ok = All right.
                """);
        assertThat(r.slots().get("task")).extracting(SlotValue::spoken).containsOnly("take your pills");
        assertThat(r.slots().get("task")).hasSize(2);
        assertThat(r.wakePhrases()).hasSize(2);
        assertThat(r.reply("ok")).contains("All right.");
    }

    @Test
    void reportsTheLineOfAnUnknownIntent() {
        assertThatThrownBy(() -> parse("\n[help.emergancy]\nhelp\n"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("test.txt:3")
                .hasMessageContaining("help.emergancy");
    }

    @Test
    void reportsTheLineOfAnUnclosedGroup() {
        assertThatThrownBy(() -> parse("[yes]\nyes\n(yes | yeah\n"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("test.txt:4")
                .hasMessageContaining("missing ')'");
    }

    @Test
    void reportsAnUndefinedMacro() {
        assertThatThrownBy(() -> parse("[yes]\n$sure yes\n"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("test.txt:3")
                .hasMessageContaining("$sure");
    }

    @Test
    void refusesALineThatExplodes() {
        String big = "[yes]\n" + "(a | b | c | d | e | f | g | h | i | j) ".repeat(6) + "\n";
        assertThatThrownBy(() -> parse(big)).hasMessageContaining("more than");
    }

    @Test
    void refusesTextOutsideASection() {
        assertThatThrownBy(() -> parse("hello\n")).hasMessageContaining("test.txt:2").hasMessageContaining("section");
    }

    @Test
    void needsALanguageCode() {
        assertThatThrownBy(() -> LanguageFile.parse("x.txt", "[yes]\nyes\n")).hasMessageContaining("@language");
    }
}
