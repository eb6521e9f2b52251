package org.hearth.carer;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the gateway made of a carer's resolution is read from the answer's code, never its words. */
@Tag("small")
class ResolveAnswerTest {

    @Test
    void the_gateways_answer_is_read_from_its_code_alone() {
        assertThat(ResolveAnswer.of(ResponseCode.CHANGED)).isEqualTo(ResolveAnswer.CLOSED);
        assertThat(ResolveAnswer.of(ResponseCode.FORBIDDEN)).isEqualTo(ResolveAnswer.NOT_A_CARER);
        assertThat(ResolveAnswer.of(ResponseCode.NOT_FOUND)).isEqualTo(ResolveAnswer.NO_SUCH_ALERT);
        assertThat(ResolveAnswer.of(ResponseCode.CONFLICT)).isEqualTo(ResolveAnswer.NOT_OPEN);
        assertThat(ResolveAnswer.of(ResponseCode.BAD_REQUEST)).isEqualTo(ResolveAnswer.REFUSED);
    }
}
