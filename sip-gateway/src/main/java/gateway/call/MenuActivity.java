package gateway.call;

import ivr.menu.Destination;
import ivr.menu.IvrSession;
import ivr.dtmf.KeySignal;

/** The caller in the IVR: prompts and menus until the tree sends the call on. */
final class MenuActivity implements Activity {
    private final IvrSession ivr;
    private final Destination menu;

    MenuActivity(IvrSession ivr, Destination menu) {
        this.ivr = ivr;
        this.menu = menu;
    }

    @Override
    public CallPhase phase() {
        return CallPhase.IVR;
    }

    @Override
    public void start() {
        ivr.start(menu);
    }

    @Override
    public void stop(CallPhase next) {
        ivr.hangup();
    }

    @Override
    public void onKey(char key, KeySignal how) {
        ivr.onKey(key);
    }
}
