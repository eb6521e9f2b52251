package org.hearth.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What an invite's QR code holds, and the code found in whatever a carer typed, pasted or opened. */
@Tag("small")
class InvitesTest {

    @Test
    void the_qr_code_holds_a_link_to_the_hubs_app_with_the_code_in_the_fragment() {
        assertThat(Invites.link(URI.create("https://hub.example.org:8443"), "WF5K-NWAB")).isEqualTo("https://hub.example.org:8443/#enrol=WF5K-NWAB");
        assertThat(Invites.link(URI.create("https://hub.example.org/carers/"), "WF5K-NWAB"))
                .isEqualTo("https://hub.example.org/carers/#enrol=WF5K-NWAB");
    }

    @Test
    void the_code_is_found_in_a_link_an_earlier_hubs_qr_text_or_the_code_typed_and_nowhere_else() {
        assertThat(Invites.codeIn("https://hub.example.org:8443/#enrol=WF5K-NWAB")).contains("WF5K-NWAB");
        assertThat(Invites.codeIn("hearth:invite?v=1&hub=https%3A%2F%2Fhub.example.org%3A8443&code=WF5K-NWAB")).contains("WF5K-NWAB");
        assertThat(Invites.codeIn(" wf5knwab ")).contains("WF5K-NWAB");
        assertThat(Invites.codeIn("https://hub.example.org:8443/#enrol=")).isEmpty();
        assertThat(Invites.codeIn("https://hub.example.org:8443/#enrol=WF5K-NWAB&x")).isEmpty();
        assertThat(Invites.codeIn("https://hub.example.org:8443/?code=WF5K-NWAB")).isEmpty();
        assertThat(Invites.codeIn("WF5K-NWA0")).isEmpty();
    }
}
