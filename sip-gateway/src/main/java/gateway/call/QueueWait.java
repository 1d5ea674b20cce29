package gateway.call;

import config.build.IvrSpecs;
import io.netty.channel.EventLoop;
import ivr.menu.Destination;
import ivr.play.Playout;
import ivr.queue.QueueAudio;
import ivr.queue.QueueAudioSession;
import ivr.queue.QueueStatus;
import ivr.time.Scheduler;

/**
 * The caller waiting in a queue: enqueued in the core on entry, hearing the queue's greeting,
 * hold music and position announcements until the core bridges the call or lets it go.
 */
final class QueueWait implements Activity {
    private final CallServices services;
    private final EventLoop loop;
    private final String callId;
    private final String queueId;
    private final Playout.Channel playout;
    private final Scheduler scheduler;
    /** Null while silent: before start, after an agent's answer, once stopped. */
    private QueueAudioSession audio;
    /** Where the queue sent callers on when this one joined it: still known if a reload removes the queue. */
    private Destination fallback = Destination.HANGUP;
    /** The core let the call go (max wait, fallback): it no longer needs to hear the end. */
    private boolean released;

    QueueWait(CallServices services, EventLoop loop, String callId, String queueId, Playout.Channel playout,
              Scheduler scheduler) {
        this.services = services;
        this.loop = loop;
        this.callId = callId;
        this.queueId = queueId;
        this.playout = playout;
        this.scheduler = scheduler;
    }

    @Override
    public CallPhase phase() {
        return CallPhase.QUEUED;
    }

    String queueId() {
        return queueId;
    }

    Destination fallback() {
        return fallback;
    }

    @Override
    public void start() {
        fallback = services.directory().ivr().queue(queueId).map(IvrSpecs.QueueMedia::fallback).orElse(Destination.HANGUP);
        services.acd().enqueue(callId, queueId, 0);
        play(true);
    }

    @Override
    public void stop(CallPhase next) {
        silence();
    }

    @Override
    public boolean heldByCore() {
        return !released;
    }

    /** The core let the call go: it goes on to its fallback without the core. */
    void release() {
        released = true;
    }

    /** An agent answered: not a note of music may reach the agent. */
    void silence() {
        if (audio != null) {
            audio.stop();
            audio = null;
        }
        playout.stop();
    }

    /** An answer the core did not take: the caller waits on, from the music (no second greeting). */
    void resume() {
        if (audio == null) {
            play(false);
        }
    }

    private void play(boolean greeting) {
        IvrSpecs.QueueMedia media = services.directory().ivr().queue(queueId).orElse(null);
        if (media == null) {
            return;
        }
        QueueAudio queueAudio = media.audio();
        if (!greeting) {
            queueAudio = new QueueAudio(null, queueAudio.holdMusic(), queueAudio.announceEvery(), queueAudio.phrases());
        }
        QueueStatus status = answer -> services.acd().place(callId)
                .thenAcceptAsync(p -> answer.place(p.position(), p.expectedWaitMs()), loop);
        audio = new QueueAudioSession(queueAudio, playout, scheduler, status);
        audio.start();
    }
}
