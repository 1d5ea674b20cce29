package ivr.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.audio.PromptCache;
import ivr.play.FakeMediaPort;
import ivr.time.VirtualScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueueAudioSessionTest {
    final VirtualScheduler clock = new VirtualScheduler();
    final FakeMediaPort media = new FakeMediaPort(clock);
    int position = 3;
    long expectedWaitMs = 90_000;
    final QueueStatus status = answer -> answer.place(position, expectedWaitMs);

    static Prompt silent(String name, int ms) {
        return Prompt.of(name, Pcm.silence(ms));
    }

    static Phrases phrases() {
        Map<Integer, Prompt> numbers = new HashMap<>();
        for (int n = 1; n < 20; n++) {
            numbers.put(n, silent("number-" + n, 400));
        }
        for (int n = 20; n <= 90; n += 10) {
            numbers.put(n, silent("number-" + n, 400));
        }
        return new Phrases(silent("stay-on-line", 1000), silent("caller-number", 1000),
                silent("expected-wait", 1000), silent("less-than-a-minute", 1000), silent("minute", 400),
                silent("minutes", 400), numbers);
    }

    QueueAudioSession session(Duration every) {
        QueueAudio audio = new QueueAudio(silent("greeting", 2000), silent("music", 10_000), every, phrases());
        return new QueueAudioSession(audio, media, clock, status);
    }

    @Test
    void greetingThenLoopingMusicThenAnnouncementResumingTheMusic() {
        QueueAudioSession s = session(Duration.ofSeconds(30));
        s.start();
        assertEquals(QueueAudioSession.State.GREETING, s.state());
        clock.advance(29_999);
        assertEquals(List.of("greeting", "music", "music", "music"), media.started);
        clock.advance(1);
        assertEquals(QueueAudioSession.State.ANNOUNCING, s.state());
        // waited 30 s, median answered wait 120 s: about 90 s left, said as "two minutes"
        clock.advance(1000 + 1000 + 400 + 1000 + 400 + 400);
        assertEquals(List.of("greeting", "music", "music", "music", "stay-on-line", "caller-number", "number-3",
                "expected-wait", "number-2", "minutes", "music@400"), media.started);
        assertEquals(QueueAudioSession.State.HOLD, s.state());
        assertEquals(1, s.announcements());
    }

    @Test
    void agentAnsweringStopsTheAnnouncementAtOnce() {
        QueueAudioSession s = session(Duration.ofSeconds(30));
        s.start();
        clock.advance(30_500);
        assertTrue(media.playing());
        s.stop();
        assertFalse(media.playing(), "no prompt may still play into the bridge");
        assertEquals(QueueAudioSession.State.STOPPED, s.state());
        int played = media.started.size();
        clock.advance(600_000);
        assertEquals(played, media.started.size());
        assertEquals(0, clock.pending());
    }

    @Test
    void announcementDueDuringTheGreetingFollowsIt() {
        QueueAudioSession s = session(Duration.ofSeconds(1));
        position = 0;
        expectedWaitMs = QueueStatus.UNKNOWN_WAIT;
        s.start();
        clock.advance(2000);
        assertEquals(List.of("greeting", "stay-on-line"), media.started, "position and wait unknown: not said");
        clock.advance(1000); // music resumes, and the next 1 s period interrupts it at once
        assertEquals(List.of("greeting", "stay-on-line", "music", "stay-on-line"), media.started);
        s.stop();
    }

    @Test
    void longQueuesSayCompoundNumbersAndShortWaitsLessThanAMinute() {
        position = 23;
        expectedWaitMs = 10_000;
        QueueAudioSession s = session(Duration.ofSeconds(30));
        s.start();
        clock.advance(30_000 + 5000);
        List<String> said = media.started.stream().filter(n -> !n.startsWith("music") && !n.equals("greeting"))
                .collect(Collectors.toList());
        assertEquals(List.of("stay-on-line", "caller-number", "number-20", "number-3", "less-than-a-minute"), said);
        s.stop();
    }

    @Test
    void withoutAnnouncementsOnlyMusicPlays() {
        QueueAudioSession s = new QueueAudioSession(new QueueAudio(null, silent("music", 10_000), null, null),
                media, clock, status);
        s.start();
        clock.advance(35_000);
        assertEquals(List.of("music", "music", "music", "music"), media.started);
        assertThrows(IllegalStateException.class, s::start);
        s.stop();
        s.stop();
    }

    @Test
    void phrasesLoadFromTheShippedSounds() throws IOException {
        Phrases p = Phrases.load(Path.of("..", "config", "sounds"), new PromptCache());
        assertEquals(3, p.expectedWait(61_000).size()); // "about" "two" "minutes"
        assertEquals(List.of(), p.position(100));
        assertTrue(p.position(99).get(2).name().endsWith("number-9.wav"));
        assertEquals(1, p.expectedWait(59_000).size());
    }
}
