package gateway.sip.stack;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/**
 * The application's listener, with the {@link NatRouter}'s pins released on the stack's thread
 * as their dialogs end: when the dialog terminates, or when an INVITE transaction ends without a
 * confirmed dialog (rejected, cancelled, timed out, or challenged and sent again).
 */
final class PinRelease implements SipListener {
    private final SipListener target;
    private final NatRouter router;

    PinRelease(SipListener target, NatRouter router) {
        this.target = target;
        this.router = router;
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        router.release(event.getDialog().getCallId().getCallId());
        target.processDialogTerminated(event);
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        if (!event.isServerTransaction()) {
            ClientTransaction ct = event.getClientTransaction();
            Dialog dialog = ct.getDialog();
            if (Request.INVITE.equals(ct.getRequest().getMethod())
                    && (dialog == null || dialog.getState() != DialogState.CONFIRMED)) {
                router.release(((CallIdHeader) ct.getRequest().getHeader(CallIdHeader.NAME)).getCallId());
            }
        }
        target.processTransactionTerminated(event);
    }

    @Override
    public void processRequest(RequestEvent event) {
        target.processRequest(event);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        target.processResponse(event);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        target.processTimeout(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        target.processIOException(event);
    }
}
