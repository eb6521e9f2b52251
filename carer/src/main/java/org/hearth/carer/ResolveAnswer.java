package org.hearth.carer;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.hearth.transport.Sender;

/**
 * What the gateway made of a carer's resolution, read from the answer's code alone (never from
 * its words), with what to tell the carer.
 */
public enum ResolveAnswer {
    /** 2.04: the alert is closed (now, or it already was). */
    CLOSED("the alert is closed and its outcome is in the home's record."),
    /** 4.03: this identity is not a carer of this home here. */
    NOT_A_CARER("the gateway says you are not a carer of this home on this network."),
    /** 4.04. */
    NO_SUCH_ALERT("the gateway knows no alert with that id."),
    /** 4.09: still asking the resident, who may yet say they are fine. */
    NOT_OPEN("the alert is not open for carers yet: the home is still asking the resident."),
    /** Any other refusal, for example 4.00 for a request this version of the gateway cannot read. */
    REFUSED("the gateway refused it."),
    /** No answer after every retry. */
    NO_ANSWER("the gateway did not answer.");

    private final String words;

    ResolveAnswer(String words) {
        this.words = words;
    }

    /** For the carer, after "CLOSED" or "NOT CLOSED". */
    public String words() {
        return words;
    }

    static ResolveAnswer of(Sender.Outcome outcome) {
        if (outcome.succeeded()) {
            return CLOSED;
        }
        return outcome.response().map(r -> of(r.getCode())).orElse(NO_ANSWER);
    }

    static ResolveAnswer of(ResponseCode code) {
        return switch (code) {
            case CHANGED -> CLOSED;
            case FORBIDDEN -> NOT_A_CARER;
            case NOT_FOUND -> NO_SUCH_ALERT;
            case CONFLICT -> NOT_OPEN;
            default -> REFUSED;
        };
    }
}
