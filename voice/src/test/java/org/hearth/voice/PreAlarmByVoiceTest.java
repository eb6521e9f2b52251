package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.recognition.AudioInputs;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.FakeAlarmPort;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** In virtual time: a fall opens a pre-alarm, the device asks, the resident says "I'm fine", no alert goes out. */
@Tag("medium")
class PreAlarmByVoiceTest {

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T09:00:00Z"),
            ZoneId.of("Europe/London"));
    private final FakeAlarmPort alarm = new FakeAlarmPort();
    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final Assistant assistant = new Assistant(LanguageResources.builtIn("en"), alarm,
            new InMemoryReminderStore(), speaker, clock, CouncilPack.builtIn("leicester"), Household.UNKNOWN,
            AssistantSettings.DEFAULT);

    @Test
    void spokenImFineCancelsThePreAlarm() throws Exception {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        clock.advanceBy(Duration.ofSeconds(15));
        Heard heard = TestModel.english().listen(AudioInputs.pcm(Clips.speech("i'm fine", "en-gb", 140, 900)));
        Reply reply = assistant.hear(heard);
        clock.advanceBy(Duration.ofMinutes(10));
        assertThat(reply.text()).contains("cancelled the alarm");
        assertThat(alarm.cancels()).isEqualTo(1);
        assertThat(alarm.alertsFromPreAlarm()).isZero();
    }

    @Test
    void spokenYesIsAskedAgainAndYesImFineCancelsIt() throws Exception {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        Reply again = assistant.hear(TestModel.english().listen(AudioInputs.pcm(Clips.speech("yes", "en-us", 150, 900))));
        assertThat(again.expectsAnswer()).isTrue();
        assertThat(alarm.cancels()).isZero();
        assistant.hear(TestModel.english().listen(AudioInputs.pcm(Clips.speech("yes, i'm fine", "en-us", 150, 900))));
        clock.advanceBy(Duration.ofMinutes(10));
        assertThat(alarm.cancels()).isEqualTo(1);
        assertThat(alarm.alertsFromPreAlarm()).isZero();
    }

    @Test
    void silenceLetsThePreAlarmBecomeAnAlert() throws Exception {
        alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        assistant.checkIn();
        assistant.hear(TestModel.english().listen(AudioInputs.pcm(new byte[16000 * 2 * 2])));
        clock.advanceBy(Duration.ofMinutes(10));
        assertThat(alarm.alertsFromPreAlarm()).isEqualTo(1);
    }
}
