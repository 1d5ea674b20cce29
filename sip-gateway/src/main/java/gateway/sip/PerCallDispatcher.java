package gateway.sip;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionTerminatedEvent;
import ops.metrics.GatewayMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener registered with Jain-SIP. It never does the work in the stack's thread: each
 * event goes to the executor that owns its Call-ID (in production the Netty event loop pinned
 * to the call), so one call's events run in order on one thread and a slow call cannot stall
 * the stack.
 */
public final class PerCallDispatcher implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(PerCallDispatcher.class);

    private final Function<String, Executor> executorForCallId;
    private final SipListener target;
    private final GatewayMeters meters;

    public PerCallDispatcher(Function<String, Executor> executorForCallId, SipListener target) {
        this(executorForCallId, target, GatewayMeters.NONE);
    }

    /** @param meters counts each request and response that arrives */
    public PerCallDispatcher(Function<String, Executor> executorForCallId, SipListener target, GatewayMeters meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.executorForCallId = Objects.requireNonNull(executorForCallId, "executorForCallId");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public void processRequest(RequestEvent event) {
        meters.sipRequestReceived(event.getRequest().getMethod());
        hand(SipIds.callId(event.getRequest()), () -> target.processRequest(event));
    }

    @Override
    public void processResponse(ResponseEvent event) {
        meters.sipResponseReceived(event.getResponse().getStatusCode());
        hand(SipIds.callId(event.getResponse()), () -> target.processResponse(event));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        Transaction tx = event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction();
        hand(SipIds.callId(tx), () -> target.processTimeout(event));
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        hand(event.getHost() + ":" + event.getPort(), () -> target.processIOException(event));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        Transaction tx = event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction();
        hand(SipIds.callId(tx), () -> target.processTransactionTerminated(event));
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        hand(event.getDialog().getCallId().getCallId(), () -> target.processDialogTerminated(event));
    }

    private void hand(String callId, Runnable work) {
        try {
            executorForCallId.apply(callId).execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("SIP event for Call-ID {} failed", callId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("SIP event for Call-ID {} dropped: executor shut down", callId);
        }
    }

}
