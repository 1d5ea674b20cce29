package gateway.push;

import gateway.sip.registrar.Binding;
import gateway.sip.registrar.PushTarget;
import java.util.concurrent.Executor;

/**
 * Wakes a phone that sleeps between calls (RFC 8599) before it is rung: asks the push gateway to
 * wake it, then waits for it to register again. The ring decides how long to wait.
 */
public interface PhoneWaker {
    /** Rings every phone as registered: no push gateway is configured. */
    PhoneWaker NONE = new PhoneWaker() {
        @Override
        public PushTarget sleeping(Binding phone) {
            return null;
        }

        @Override
        public Wake wake(Binding phone, PushNotice notice, Executor loop, Listener listener) {
            throw new IllegalStateException("no push gateway: phone " + phone.contact() + " cannot be woken");
        }
    };

    /** Where {@code phone} is woken when it must be before it is rung, else null (it is rung at once). */
    PushTarget sleeping(Binding phone);

    /**
     * Asks for {@code phone} to be woken for the call in {@code notice}; the listener hears once,
     * on {@code loop}, unless the wake is cancelled first.
     */
    Wake wake(Binding phone, PushNotice notice, Executor loop, Listener listener);

    /** What became of one wake-up; called on the ring's loop. */
    interface Listener {
        /** The phone registered again: ring {@code fresh} (its Contact may have changed). */
        void woken(Binding fresh);

        /** The push gateway could not be asked: the phone will not wake for this call. */
        void failed(String why);
    }

    /** One phone being woken. */
    interface Wake {
        /** No longer wanted (the ring ended or moved on): the listener hears nothing more. */
        void cancel();
    }
}
