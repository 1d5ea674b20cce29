package ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.audio.PromptCache;
import ivr.dtmf.SipInfoDtmf;
import ivr.dtmf.TelephoneEventDecoder;
import ivr.dtmf.TelephoneEventEncoder;
import ivr.menu.Destination;
import ivr.menu.IvrSession;
import ivr.menu.Menu;
import ivr.menu.MenuSet;
import ivr.play.Playout;
import ivr.queue.Phrases;
import ivr.queue.QueueAudio;
import ivr.queue.QueueAudioSession;
import ivr.queue.QueueStatus;
import ivr.time.VirtualScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pieces assembled the way the gateway will: one Playout ticked every 20 ms on the loop's
 * scheduler, the shipped sounds, keys from RFC 4733 packets and SIP INFO, then queue audio.
 */
class CallFlowTest {
    static final Path SOUNDS = Path.of("..", "config", "sounds");

    final VirtualScheduler loop = new VirtualScheduler();
    final Playout playout = new Playout();
    final PromptCache cache = new PromptCache();
    final List<byte[]> sent = new ArrayList<>();
    final List<Destination> results = new ArrayList<>();
    final Playout.Channel leg = playout.open(Codec.PCMU, (payload, off, len, advance, marker) -> sent.add(payload));

    CallFlowTest() {
        tickEvery20Ms();
    }

    private void tickEvery20Ms() {
        loop.schedule(20, () -> {
            playout.tick(loop.nowMs());
            tickEvery20Ms();
        });
    }

    Prompt sound(String name) throws IOException {
        return cache.get(SOUNDS.resolve(name + ".wav"));
    }

    MenuSet menus() throws IOException {
        return new MenuSet(List.of(
                new Menu("main", sound("welcome"), Duration.ofSeconds(5), Duration.ofSeconds(2), 2, sound("invalid"),
                        true, Map.of("1", Destination.queue("sales"), "2", Destination.queue("support"),
                                "9", Destination.menu("closed")),
                        Destination.queue("support"), null),
                Menu.announcement("closed", sound("closed"), Destination.HANGUP)));
    }

    /** Index of the first frame of {@code p} in what was sent from {@code from} on, or -1. */
    int find(Prompt p, int from) {
        for (int i = from; i < sent.size(); i++) {
            if (sent.get(i) == p.frame(Codec.PCMU, 0)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void greetingBargeInByRfc4733ThenQueueAudio() throws IOException {
        Prompt welcome = sound("welcome");
        IvrSession ivr = new IvrSession(menus(), leg, loop, results::add);
        TelephoneEventDecoder dtmf = new TelephoneEventDecoder(101, ivr::onKey);
        ivr.start(Destination.menu("main"));
        loop.advance(1000);
        assertEquals(50, sent.size(), "one frame per 20 ms tick");
        for (int i = 0; i < 50; i++) {
            assertSame(welcome.frame(Codec.PCMU, i), sent.get(i), "frame " + i + " of the welcome prompt");
        }
        for (TelephoneEventEncoder.Packet p : TelephoneEventEncoder.encode('1', 100)) {
            dtmf.onPacket(8000, p.payload(), 0, p.payload().length);
        }
        assertEquals(List.of(Destination.queue("sales")), results);
        loop.advance(100);
        assertEquals(50, sent.size(), "the prompt stopped at the key");

        int[] position = {2};
        QueueStatus status = answer -> answer.place(position[0], 120_000);
        Prompt greeting = sound("sales-greeting");
        Prompt music = sound("hold-music");
        QueueAudioSession queue = new QueueAudioSession(new QueueAudio(greeting, music, Duration.ofSeconds(30),
                Phrases.load(SOUNDS, cache)), leg, loop, status);
        int queuedAt = sent.size();
        queue.start();
        loop.advance(40_000);
        assertEquals(queuedAt, find(greeting, queuedAt));
        int musicAt = find(music, queuedAt);
        assertEquals(queuedAt + greeting.frameCount(), musicAt, "music follows the greeting without a gap");
        int stayAt = find(sound("stay-on-line"), musicAt);
        assertTrue(stayAt > musicAt, "announcement after the music started");
        int callerNumberAt = find(sound("caller-number"), stayAt);
        assertEquals(stayAt + sound("stay-on-line").frameCount(), callerNumberAt);
        assertEquals(callerNumberAt + sound("caller-number").frameCount(), find(sound("number-2"), callerNumberAt));
        assertTrue(find(sound("expected-wait"), callerNumberAt) > 0);

        int before = sent.size();
        queue.stop(); // the agent answered
        loop.advance(1000);
        assertEquals(before, sent.size(), "no frame after the agent answered");
        assertEquals(0, playout.playing());
    }

    @Test
    void keysBySipInfoAndMenuToMenu() throws IOException {
        IvrSession ivr = new IvrSession(menus(), leg, loop, results::add);
        ivr.start(Destination.menu("main"));
        loop.advance(500);
        ivr.onKey(SipInfoDtmf.parse("application/dtmf-relay", "Signal=9\r\nDuration=160"));
        assertEquals("closed", ivr.currentMenu().id());
        int closedAt = sent.size();
        loop.advance(sound("closed").durationMs() + 40);
        assertSame(sound("closed").frame(Codec.PCMU, 0), sent.get(closedAt));
        assertEquals(List.of(Destination.HANGUP), results);
    }
}
