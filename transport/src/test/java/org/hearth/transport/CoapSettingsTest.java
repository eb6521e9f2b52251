package org.hearth.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Californium sized for a 1 GB Pi serving one home, not for a cloud server. */
@Tag("medium")
class CoapSettingsTest {

    @Test
    void the_limits_fit_a_home_not_a_data_centre() {
        Configuration c = CoapSettings.configuration();
        assertThat(c.get(DtlsConfig.DTLS_MAX_CONNECTIONS)).isEqualTo(64);
        assertThat(c.get(CoapConfig.MAX_ACTIVE_PEERS)).isEqualTo(64);
        assertThat(c.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT)).isEqualTo(1);
        assertThat(c.get(UdpConfig.UDP_RECEIVER_THREAD_COUNT)).isEqualTo(1);
        assertThat(c.get(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT)).isEqualTo(1);
        assertThat(c.get(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT)).isEqualTo(1);
        assertThat(c.get(DtlsConfig.DTLS_USE_ANTI_REPLAY_FILTER)).isTrue();
        assertThat(c.get(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY)).isTrue();
    }

    @Test
    void a_message_goes_block_wise_before_its_dtls_record_outgrows_libcoaps_1152_byte_mtu() {
        Configuration c = CoapSettings.configuration();
        assertThat(c.get(CoapConfig.MAX_MESSAGE_SIZE) + 29 + 64).as("message + DTLS overhead + CoAP header and options").isLessThan(1152);
        assertThat(c.get(CoapConfig.PREFERRED_BLOCK_SIZE)).isLessThanOrEqualTo(c.get(CoapConfig.MAX_MESSAGE_SIZE));
    }
}
