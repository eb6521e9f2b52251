package org.hearth.carer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hearth.protocol.Down;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The carer closes an alert by typing {@code resolve N OUTCOME [note]} at the listen prompt. */
@Tag("small")
class ResolveCommandTest {

    @Test
    void resolve_a_number_an_outcome_and_the_rest_of_the_line_as_the_note() {
        assertThat(ResolveCommand.parse("  resolve 2 helped_up Sat her in the chair  "))
                .contains(new ResolveCommand.Typed.Resolve(2, Down.Outcome.HELPED_UP, "Sat her in the chair"));
        assertThat(ResolveCommand.parse("Resolve 1 FALSE-ALARM"))
                .contains(new ResolveCommand.Typed.Resolve(1, Down.Outcome.FALSE_ALARM, ""));
        for (Down.Outcome outcome : Down.Outcome.values()) {
            assertThat(ResolveCommand.parse("resolve 3 " + outcome.wire() + " x"))
                    .contains(new ResolveCommand.Typed.Resolve(3, outcome, "x"));
        }
    }

    @Test
    void enter_and_numbers_are_left_to_the_acknowledgements() {
        assertThat(ResolveCommand.parse("")).isEmpty();
        assertThat(ResolveCommand.parse("2")).isEmpty();
        assertThat(ResolveCommand.parse("resolved")).isEmpty();
    }

    @Test
    void a_mistyped_command_says_what_to_type_with_the_five_outcomes_in_words() {
        assertThat(ResolveCommand.parse("resolve 1 went_home")).get().isInstanceOfSatisfying(ResolveCommand.Typed.Mistake.class,
                m -> assertThat(m.words()).startsWith("'went_home' is not an outcome.")
                        .contains("resident_fine (resident fine)", "helped_up (helped up)", "ambulance_called (ambulance called)",
                                "false_alarm (false alarm)", "other (other)"));
        assertThat(ResolveCommand.parse("resolve one helped_up")).get().isInstanceOfSatisfying(ResolveCommand.Typed.Mistake.class,
                m -> assertThat(m.words()).contains("'one' is not an alert's number"));
        assertThat(ResolveCommand.parse("resolve 1")).get().isInstanceOfSatisfying(ResolveCommand.Typed.Mistake.class,
                m -> assertThat(m.words()).contains("resolve 1 helped_up Sat her in the chair").contains("false_alarm (false alarm)"));
    }

    @Test
    void the_prompt_after_an_acknowledgement_names_the_alert_and_every_outcome() {
        assertThat(ResolveCommand.prompt(4)).startsWith("[4] When you have dealt with it, type resolve 4")
                .contains("resident_fine (resident fine)", "other (other)");
    }

    @Test
    void the_one_shot_command_refuses_an_outcome_it_does_not_know_in_words() {
        var err = new java.io.StringWriter();
        var cli = new picocli.CommandLine(new CarerMain()).setErr(new java.io.PrintWriter(err));
        int code = cli.execute("resolve", "--id", UUID.randomUUID().toString(), "--outcome", "went_home");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'went_home' is not an outcome.").contains("helped_up (helped up)");
    }
}
