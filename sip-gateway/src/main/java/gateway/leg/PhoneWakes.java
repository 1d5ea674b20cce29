package gateway.leg;

import gateway.push.PhoneWaker;
import gateway.push.PushNotice;
import gateway.sip.registrar.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One ring's phones being woken by push (RFC 8599) before they are rung, so the ring knows whether
 * a phone may still join. Runs on the call's loop.
 */
final class PhoneWakes {
    private final PhoneWaker waker;
    private final Executor loop;
    private final PushNotice notice;
    private final List<PhoneWaker.Wake> pending = new ArrayList<>(1);

    PhoneWakes(PhoneWaker waker, Executor loop, PushNotice notice) {
        this.waker = waker;
        this.loop = loop;
        this.notice = notice;
    }

    /** Whether {@code phone} sleeps until woken (it registered with pn-* and push is configured). */
    boolean sleeps(Binding phone) {
        return waker.sleeping(phone) != null;
    }

    /** Wakes {@code phone}; {@code then} hears once, unless {@link #cancelAll} comes first. */
    void wake(Binding phone, PhoneWaker.Listener then) {
        PhoneWaker.Wake[] wake = new PhoneWaker.Wake[1];
        wake[0] = waker.wake(phone, notice, loop, new PhoneWaker.Listener() {
            @Override
            public void woken(Binding fresh) {
                if (pending.remove(wake[0])) {
                    then.woken(fresh);
                }
            }

            @Override
            public void failed(String why) {
                if (pending.remove(wake[0])) {
                    then.failed(why);
                }
            }
        });
        pending.add(wake[0]);
    }

    /** Whether a phone is still being woken. */
    boolean waiting() {
        return !pending.isEmpty();
    }

    void cancelAll() {
        pending.forEach(PhoneWaker.Wake::cancel);
        pending.clear();
    }
}
