package gateway.call;

import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import ivr.queue.QueueStatus;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's copy of what announcements need from the routing core: who waits in each queue
 * in which order, and how long the last answered calls waited. Fed from the core's events on
 * the core's thread, read by call loops at each announcement; every access holds one queue's
 * monitor for a few steps, so neither side ever waits on the other's work.
 */
public final class QueueFigures implements AcdEventListener {
    /** Answered waits kept per queue for the expected-wait estimate. */
    static final int RECENT_WAITS = 20;

    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private final Map<String, String> queueOfCall = new ConcurrentHashMap<>();

    private static final class Line {
        /** Waiting calls in arrival order (the gateway enqueues everyone at one priority). */
        final LinkedHashSet<String> waiting = new LinkedHashSet<>();
        final ArrayDeque<Long> recentWaits = new ArrayDeque<>(RECENT_WAITS);
    }

    @Override
    public void onEvent(AcdEvent event) {
        if (event instanceof AcdEvent.CallQueued q) {
            String old = queueOfCall.put(q.callId(), q.queueId());
            if (old != null) {
                leave(old, q.callId());
            }
            Line line = line(q.queueId());
            synchronized (line) {
                line.waiting.add(q.callId());
            }
        } else if (event instanceof AcdEvent.CallAnswered a) {
            Line line = line(a.queueId());
            synchronized (line) {
                line.waiting.remove(a.callId());
                if (line.recentWaits.size() == RECENT_WAITS) {
                    line.recentWaits.removeFirst();
                }
                line.recentWaits.addLast(a.waitMs());
            }
        } else if (event instanceof AcdEvent.CallEnded e) {
            queueOfCall.remove(e.callId(), e.queueId());
            leave(e.queueId(), e.callId());
        }
    }

    private void leave(String queueId, String callId) {
        Line line = line(queueId);
        synchronized (line) {
            line.waiting.remove(callId);
        }
    }

    private Line line(String queueId) {
        return lines.computeIfAbsent(queueId, q -> new Line());
    }

    /** The caller's place in {@code queueId}, 1 = next; 0 when not waiting there (yet). */
    public int position(String callId, String queueId) {
        Line line = line(queueId);
        synchronized (line) {
            int i = 1;
            for (String id : line.waiting) {
                if (id.equals(callId)) {
                    return i;
                }
                i++;
            }
        }
        return 0;
    }

    public long[] recentAnsweredWaitsMs(String queueId) {
        Line line = line(queueId);
        synchronized (line) {
            return line.recentWaits.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** What one waiting call's announcements read. */
    public QueueStatus statusOf(String callId, String queueId) {
        return new QueueStatus() {
            @Override
            public int position() {
                return QueueFigures.this.position(callId, queueId);
            }

            @Override
            public long[] recentAnsweredWaitsMs() {
                return QueueFigures.this.recentAnsweredWaitsMs(queueId);
            }
        };
    }
}
