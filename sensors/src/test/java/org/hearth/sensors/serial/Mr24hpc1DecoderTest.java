package org.hearth.sensors.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class Mr24hpc1DecoderTest {

    private final List<Mr24hpc1Frame> frames = new ArrayList<>();
    private final List<FrameProblem> problems = new ArrayList<>();
    private final Mr24hpc1Decoder decoder = new Mr24hpc1Decoder(new Mr24hpc1Decoder.Sink() {
        @Override
        public void frame(Mr24hpc1Frame frame) {
            frames.add(frame);
        }

        @Override
        public void problem(FrameProblem problem) {
            problems.add(problem);
        }
    });

    private static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    private void feed(byte[] bytes) {
        decoder.accept(bytes, bytes.length);
    }

    @Test
    void frames_printed_in_seeeds_documentation_encode_and_decode_byte_for_byte() {
        // The firmware-version query and the reset frame from Seeed's MR24HPC1 wiki, checksums included.
        assertThat(new Mr24hpc1Frame(0x02, 0xA4, new byte[] {0x0F}).bytes()).isEqualTo(hex("53 59 02 A4 00 01 0F 62 54 43"));
        assertThat(new Mr24hpc1Frame(0x01, 0x02, new byte[] {0x0F}).bytes()).isEqualTo(hex("53 59 01 02 00 01 0F BF 54 43"));
        assertThat(Mr24hpc1Frame.query(Mr24hpc1Frame.SYSTEM, Mr24hpc1Frame.HEARTBEAT).bytes())
                .isEqualTo(hex("53 59 01 01 00 01 0F BE 54 43"));

        feed(hex("53 59 02 A4 00 01 0F 62 54 43"));

        assertThat(frames).containsExactly(new Mr24hpc1Frame(0x02, 0xA4, new byte[] {0x0F}));
        assertThat(problems).isEmpty();
    }

    @Test
    void a_frame_split_across_reads_waits_for_its_rest() {
        byte[] someoneMoving = Mr24hpc1Frame.report(0x80, 0x02, 2).bytes();
        for (byte b : someoneMoving) {
            feed(new byte[] {b});
        }
        assertThat(frames).containsExactly(Mr24hpc1Frame.report(0x80, 0x02, 2));
        assertThat(frames.get(0).value()).isEqualTo(2);
        assertThat(decoder.pending()).isZero();
    }

    @Test
    void noise_between_frames_is_skipped_and_named_once_per_run() {
        byte[] a = Mr24hpc1Frame.report(0x80, 0x01, 1).bytes();
        byte[] b = Mr24hpc1Frame.report(0x80, 0x02, 1).bytes();
        feed(hex("00 FF 53 12 54 43"));
        feed(a);
        feed(hex("53 53 59"));
        feed(java.util.Arrays.copyOfRange(b, 2, b.length)); // "53 59" of the noise begins b, as on a real line

        assertThat(frames).containsExactly(Mr24hpc1Frame.report(0x80, 0x01, 1), Mr24hpc1Frame.report(0x80, 0x02, 1));
        assertThat(problems).containsExactly(FrameProblem.NOISE, FrameProblem.NOISE);
    }

    @Test
    void a_bad_checksum_loses_that_frame_only() {
        byte[] bad = Mr24hpc1Frame.report(0x80, 0x02, 1).bytes();
        bad[6] = 2; // the data changed on the line; the checksum still says 1
        feed(bad);
        feed(Mr24hpc1Frame.report(0x80, 0x02, 2).bytes());

        assertThat(problems).containsExactly(FrameProblem.BAD_CHECKSUM);
        assertThat(frames).containsExactly(Mr24hpc1Frame.report(0x80, 0x02, 2));
    }

    @Test
    void a_frame_cut_short_by_the_next_one_loses_that_frame_only() {
        byte[] cut = java.util.Arrays.copyOf(Mr24hpc1Frame.report(0x80, 0x01, 1).bytes(), 7);
        byte[] next = Mr24hpc1Frame.report(0x80, 0x02, 2).bytes();
        byte[] line = new byte[cut.length + next.length];
        System.arraycopy(cut, 0, line, 0, cut.length);
        System.arraycopy(next, 0, line, cut.length, next.length);
        feed(line);

        assertThat(problems).containsExactly(FrameProblem.TRUNCATED);
        assertThat(frames).containsExactly(Mr24hpc1Frame.report(0x80, 0x02, 2));
    }

    @Test
    void a_frame_that_stalls_is_abandoned_and_what_followed_its_header_is_read_again() {
        feed(java.util.Arrays.copyOf(Mr24hpc1Frame.report(0x80, 0x01, 1).bytes(), 5));
        assertThat(decoder.pending()).isEqualTo(5);

        decoder.abandonPartial();
        feed(Mr24hpc1Frame.report(0x01, 0x01, 0x0F).bytes());

        assertThat(problems).containsExactly(FrameProblem.TRUNCATED);
        assertThat(frames).containsExactly(Mr24hpc1Frame.report(0x01, 0x01, 0x0F));
        assertThat(decoder.pending()).isZero();
    }

    @Test
    void an_impossible_length_is_a_damaged_header_not_a_long_wait() {
        feed(hex("53 59 80 01 7F FF"));
        feed(Mr24hpc1Frame.report(0x80, 0x01, 0).bytes());

        assertThat(problems).containsExactly(FrameProblem.TRUNCATED);
        assertThat(frames).containsExactly(Mr24hpc1Frame.report(0x80, 0x01, 0));
    }
}
