package gateway.push;

import gateway.sip.registrar.Binding;
import gateway.sip.registrar.PushTarget;
import java.util.concurrent.Executor;

/** Wakes phones through the {@link PushGateway} and waits for their REGISTER in {@link Wakeups}. */
public final class PushWaker implements PhoneWaker {
    private final PushGateway gateway;
    private final Wakeups wakeups;

    public PushWaker(PushGateway gateway, Wakeups wakeups) {
        this.gateway = gateway;
        this.wakeups = wakeups;
    }

    @Override
    public PushTarget sleeping(Binding phone) {
        return gateway.on() ? phone.pushTarget() : null;
    }

    @Override
    public Wake wake(Binding phone, PushNotice notice, Executor loop, Listener listener) {
        PushTarget target = phone.pushTarget();
        // waiting before posting: a fast phone's REGISTER may beat the gateway's answer
        Wakeups.Waiter waiter = wakeups.await(phone, target, loop, listener);
        gateway.post(target, notice).whenComplete((ok, error) -> {
            if (error != null) {
                waiter.failed(PushGateway.cause(error).getMessage());
            }
        });
        return waiter;
    }
}
