package ivr.queue;

import ivr.audio.Prompt;
import ivr.play.MediaPort;
import ivr.play.PromptSequence;
import ivr.time.Cancellable;
import ivr.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * What a caller hears while queued: the greeting, then hold music in a loop, interrupted every
 * {@code announceEvery} by "please stay on the line", the position and the expected wait,
 * after which the music resumes where it stopped. {@link #stop()} silences it at once, so an
 * answering agent is bridged without a prompt still running. Runs on the call's event loop.
 */
public final class QueueAudioSession {

    public enum State {
        NEW,
        GREETING,
        HOLD,
        ANNOUNCING,
        STOPPED
    }

    private final QueueAudio audio;
    private final MediaPort media;
    private final Scheduler scheduler;
    private final QueueStatus status;
    private State state = State.NEW;
    private int musicFrame;
    private boolean announcementDue;
    private boolean asking;
    private boolean musicPlaying;
    private Cancellable announceTimer = Cancellable.NONE;
    private int announcements;

    public QueueAudioSession(QueueAudio audio, MediaPort media, Scheduler scheduler, QueueStatus status) {
        this.audio = audio;
        this.media = media;
        this.scheduler = scheduler;
        this.status = status;
    }

    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("queue audio already " + state);
        }
        scheduleAnnouncement();
        if (audio.greeting() != null) {
            state(State.GREETING);
            media.play(audio.greeting(), this::hold);
        } else {
            hold();
        }
    }

    /** Agent answered, caller left or the call moved on: silence now, no callback later. */
    public void stop() {
        if (state == State.STOPPED) {
            return;
        }
        announceTimer.cancel();
        media.stop();
        state(State.STOPPED);
    }

    public State state() {
        return state;
    }

    public int announcements() {
        return announcements;
    }

    private void hold() {
        state(State.HOLD);
        if (announcementDue) {
            askPlace();
            if (state != State.HOLD) {
                return; // answered at once: announcing
            }
        }
        playMusic();
    }

    private void playMusic() {
        if (audio.holdMusic() != null) {
            int from = musicFrame;
            musicFrame = 0;
            musicPlaying = true;
            media.play(audio.holdMusic(), from, this::playMusic);
        }
    }

    private void scheduleAnnouncement() {
        if (audio.announceEvery() != null) {
            announceTimer = scheduler.schedule(audio.announceEvery().toMillis(), this::announcementTime);
        }
    }

    private void announcementTime() {
        scheduleAnnouncement();
        switch (state) {
            case GREETING -> announcementDue = true;
            case HOLD -> askPlace();
            default -> { } // still announcing the last one (or asking for it): skip this one
        }
    }

    /** The music plays on until the core says where the caller stands. */
    private void askPlace() {
        announcementDue = false;
        if (asking) {
            return;
        }
        asking = true;
        status.ask(this::announce);
    }

    private void announce(int position, long expectedWaitMs) {
        asking = false;
        if (state != State.HOLD) {
            return; // stopped (or moved on) while the core answered
        }
        if (musicPlaying) {
            musicFrame = media.stop();
            musicPlaying = false;
        }
        state(State.ANNOUNCING);
        announcements++;
        Phrases p = audio.phrases();
        List<Prompt> words = new ArrayList<>(p.position(position));
        words.add(0, p.stayOnLine());
        if (expectedWaitMs != QueueStatus.UNKNOWN_WAIT) {
            words.addAll(p.expectedWait(expectedWaitMs));
        }
        PromptSequence.play(media, words, this::hold);
    }

    private void state(State next) {
        if (state == State.STOPPED) {
            throw new IllegalStateException("queue audio STOPPED -> " + next);
        }
        state = next;
    }
}
