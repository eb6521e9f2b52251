package org.hearth.carer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hearth.protocol.AlertKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A carer at the keyboard chooses which alert they answer, in words that fit each alert. */
@Tag("small")
class WaitingTest {

    private final Waiting waiting = new Waiting();

    @Test
    void enter_answers_the_only_alert_waiting() {
        UUID id = UUID.randomUUID();
        waiting.add(id, AlertKind.HELP, false, "help requested in the hall at 03:56", "Flat 7");
        assertThat(waiting.choose("")).isInstanceOfSatisfying(Waiting.Choice.Answer.class, a -> assertThat(a.entry().id()).isEqualTo(id));
        assertThat(waiting.choose("")).isInstanceOf(Waiting.Choice.Nothing.class);
    }

    @Test
    void with_two_waiting_enter_asks_which_and_a_number_chooses() {
        UUID fall = UUID.randomUUID();
        UUID help = UUID.randomUUID();
        waiting.add(fall, AlertKind.FALL, false, "possible fall in the kitchen at 08:10", "Flat 7");
        waiting.add(help, AlertKind.HELP, false, "help requested in the hall at 08:12", "Flat 7");
        assertThat(waiting.choose("")).isInstanceOfSatisfying(Waiting.Choice.Which.class,
                w -> assertThat(w.entries()).extracting(Waiting.Entry::number).containsExactly(1, 2));
        assertThat(waiting.choose(" 1 ")).isInstanceOfSatisfying(Waiting.Choice.Answer.class,
                a -> assertThat(a.entry().id()).isEqualTo(fall));
        assertThat(waiting.choose("1")).isInstanceOf(Waiting.Choice.Unknown.class);
        assertThat(waiting.choose("")).isInstanceOfSatisfying(Waiting.Choice.Answer.class,
                a -> assertThat(a.entry().id()).isEqualTo(help));
    }

    @Test
    void an_alert_listed_at_start_and_then_delivered_waits_once() {
        UUID id = UUID.randomUUID();
        Waiting.Entry first = waiting.add(id, AlertKind.HELP, false, "help", "Flat 7");
        assertThat(waiting.add(id, AlertKind.HELP, false, "help", "Flat 7")).isEqualTo(first);
        assertThat(waiting.choose("")).isInstanceOf(Waiting.Choice.Answer.class);
    }

    @Test
    void a_failed_acknowledgement_puts_the_alert_back_under_its_number() {
        waiting.add(UUID.randomUUID(), AlertKind.HELP, false, "a", "Flat 7");
        Waiting.Entry second = waiting.add(UUID.randomUUID(), AlertKind.HELP, false, "b", "Flat 7");
        assertThat(waiting.choose("2")).isInstanceOf(Waiting.Choice.Answer.class);
        waiting.restore(second);
        assertThat(waiting.choose("2")).isInstanceOfSatisfying(Waiting.Choice.Answer.class, a -> assertThat(a.entry()).isEqualTo(second));
    }

    @Test
    void only_an_emergency_offers_on_my_way() {
        assertThat(waiting.add(UUID.randomUUID(), AlertKind.HELP, false, "help", "Flat 7").prompt())
                .isEqualTo("[1] Press Enter to tell Flat 7 you are on your way.");
        Waiting.Entry test = waiting.add(UUID.randomUUID(), AlertKind.HELP, true, "test", "Flat 7");
        assertThat(test.prompt()).contains("you received this test").doesNotContain("on your way");
        assertThat(test.note("on my way")).isEqualTo("test received");
        assertThat(test.told()).isEqualTo("the gateway knows you received this test.");
        Waiting.Entry sensor = waiting.add(UUID.randomUUID(), AlertKind.SENSOR_HEALTH, false, "sensor", "Flat 7");
        assertThat(sensor.prompt()).contains("(or type 3 and Enter)").contains("you have seen this").doesNotContain("on your way");
        assertThat(waiting.add(UUID.randomUUID(), AlertKind.CALL_REQUEST, false, "call", "Flat 7").note("on my way"))
                .isEqualTo("will phone");
        assertThat(waiting.add(UUID.randomUUID(), AlertKind.FALL, false, "fall", "Flat 7").note("coming now")).isEqualTo("coming now");
    }

    @Test
    void an_answered_alert_is_closed_by_its_number_and_stays_until_the_gateway_closed_it() {
        UUID id = UUID.randomUUID();
        Waiting.Entry entry = waiting.add(id, AlertKind.FALL, false, "possible fall in the hall", "Flat 7");
        assertThat(waiting.choose("")).isInstanceOf(Waiting.Choice.Answer.class);

        UUID next = UUID.randomUUID();
        assertThat(waiting.add(next, AlertKind.HELP, false, "help", "Flat 7").number())
                .as("a new alert never takes the number of one still to close").isEqualTo(2);

        assertThat(waiting.byNumber(1)).as("kept until the gateway closes it").contains(entry);
        assertThat(waiting.byNumber(1)).contains(entry);
        waiting.closed(entry);
        assertThat(waiting.byNumber(1)).isEmpty();
        assertThat(waiting.byNumber(7)).isEmpty();
        assertThat(waiting.byNumber(2)).as("one still waiting may be closed too").isPresent();
    }

    @Test
    void an_alert_listed_again_after_its_acknowledgement_is_not_offered_again() {
        UUID id = UUID.randomUUID();
        Waiting.Entry entry = waiting.add(id, AlertKind.HELP, false, "help", "Flat 7");
        assertThat(waiting.awaitsAnswer(entry)).isTrue();
        assertThat(waiting.choose("")).isInstanceOf(Waiting.Choice.Answer.class);

        Waiting.Entry again = waiting.add(id, AlertKind.HELP, false, "help", "Flat 7");
        assertThat(again).isEqualTo(entry);
        assertThat(waiting.awaitsAnswer(again)).isFalse();
        assertThat(waiting.choose("")).isInstanceOf(Waiting.Choice.Nothing.class);
    }
}
