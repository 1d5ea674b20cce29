package gateway.testphone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** What a phone received, in order; tests take items out with bounded waits. */
public final class Events<T> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<T> pending = new ArrayList<>();
    private final List<T> history = new ArrayList<>();

    public void add(T item) {
        lock.lock();
        try {
            pending.add(item);
            history.add(item);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the first pending item matching {@code match}; fails after {@code timeout}. */
    public T take(Predicate<T> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (Iterator<T> it = pending.iterator(); it.hasNext(); ) {
                    T item = it.next();
                    if (match.test(item)) {
                        it.remove();
                        return item;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " within " + timeout.toMillis() + " ms; pending: " + pending.size());
                }
                arrived.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }

    /** Everything received so far, including items already taken. */
    public List<T> history() {
        lock.lock();
        try {
            return List.copyOf(history);
        } finally {
            lock.unlock();
        }
    }

    /** Items not taken yet that match {@code match}. */
    public List<T> pending(Predicate<T> match) {
        lock.lock();
        try {
            return pending.stream().filter(match).toList();
        } finally {
            lock.unlock();
        }
    }
}
