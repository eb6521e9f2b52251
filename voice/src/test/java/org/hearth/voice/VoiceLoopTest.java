package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sound.sampled.AudioInputStream;
import org.hearth.time.RealTimeScheduler;
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

/** The listening loop with a "microphone" that plays queued clips, and the assistant on a real event loop. */
@Tag("medium")
class VoiceLoopTest {

    private final ConcurrentLinkedQueue<byte[]> microphone = new ConcurrentLinkedQueue<>();
    private final FakeAlarmPort alarm = new FakeAlarmPort();
    private final RecordingSpeaker speaker = new RecordingSpeaker();

    private AudioInputStream nextClip() {
        byte[] clip = microphone.poll();
        return AudioInputs.pcm(clip != null ? clip : new byte[16000 * 2 * 2]);
    }

    private VoiceLoop loop(RealTimeScheduler events, boolean handsFree) {
        LanguageResources en = LanguageResources.builtIn("en");
        Assistant assistant = new Assistant(en, alarm, new InMemoryReminderStore(), speaker, events,
                CouncilPack.builtIn("leicester"), Household.UNKNOWN, AssistantSettings.DEFAULT);
        return new VoiceLoop(TestModel.english(), this::nextClip, assistant, events::execute, en, handsFree);
    }

    @Test
    void theTalkButtonStartsAConversationThatFollowsUpAQuestion() {
        try (RealTimeScheduler events = RealTimeScheduler.create("events", ZoneId.of("Europe/London"));
                VoiceLoop loop = loop(events, false)) {
            loop.start();
            microphone.add(Clips.speech("what time is it", "en-gb", 150, 900));
            loop.talkButtonPressed();
            await().atMost(Duration.ofSeconds(30)).until(() -> speaker.last() != null);
            assertThat(speaker.last()).startsWith("It's ");
        }
    }

    @Test
    void aCheckInHeardAsImFineCancelsThePreAlarm() {
        try (RealTimeScheduler events = RealTimeScheduler.create("events", ZoneId.of("Europe/London"));
                VoiceLoop loop = loop(events, false)) {
            events.execute(() -> alarm.openPreAlarm(events, Duration.ofMinutes(5)));
            loop.start();
            microphone.add(Clips.speech("i'm fine", "en-gb", 140, 900));
            loop.checkIn();
            await().atMost(Duration.ofSeconds(30)).until(() -> alarm.cancels() == 1);
            assertThat(speaker.said()).first().asString().startsWith("Are you all right?");
        }
    }

    @Test
    void theWakePhraseOpensARequestHandsFree() {
        try (RealTimeScheduler events = RealTimeScheduler.create("events", ZoneId.of("Europe/London"));
                VoiceLoop loop = loop(events, true)) {
            microphone.add(Clips.speech("the kettle has boiled", "en-gb", 150, 900));
            microphone.add(Clips.speech("hello hearth", "en-gb", 150, 900));
            microphone.add(Clips.speech("what time is it", "en-gb", 150, 900));
            loop.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> speaker.said().size() >= 2);
            assertThat(speaker.said().get(0)).isEqualTo("Yes?");
            assertThat(speaker.said().get(1)).startsWith("It's ");
        }
    }

    @Test
    void afterSorryIDidNotCatchThatItListensAgain() {
        try (RealTimeScheduler events = RealTimeScheduler.create("events", ZoneId.of("Europe/London"));
                VoiceLoop loop = loop(events, false)) {
            loop.start();
            microphone.add(Clips.speech("the kettle has boiled", "en-gb", 150, 900));
            microphone.add(Clips.speech("what time is it", "en-gb", 150, 900));
            loop.talkButtonPressed();
            await().atMost(Duration.ofSeconds(30)).until(() -> speaker.said().size() >= 2);
            assertThat(speaker.said().get(0)).startsWith("Sorry, I didn't catch that.");
            assertThat(speaker.said().get(1)).as("the second try, with no second press").startsWith("It's ");
        }
    }
}
