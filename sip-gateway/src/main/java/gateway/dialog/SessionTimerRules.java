package gateway.dialog;

import config.model.SessionTimers;
import gateway.sip.SipOutbound;
import gov.nist.javax.sip.header.extensions.MinSE;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;
import java.text.ParseException;
import java.util.ListIterator;
import javax.sip.ServerTransaction;
import javax.sip.header.AllowHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session timer rules of RFC 4028 for our side of any dialog, with the intervals of
 * {@code sip.sessionTimers}, as pure functions of the messages: what a request's
 * Session-Expires and Min-SE earn in our 2xx (or a 422), what we put in the requests we send,
 * and what a 2xx to them grants. Who refreshes is said from our side
 * ({@link Grant#weRefresh}); the header's {@code uac}/{@code uas} is always relative to the
 * transaction that carries it.
 */
public final class SessionTimerRules {
    private static final Logger log = LoggerFactory.getLogger(SessionTimerRules.class);
    public static final String TIMER = "timer";
    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String MIN_SE = "Min-SE";
    /** 422 Session Interval Too Small (RFC 4028 section 6). */
    public static final int INTERVAL_TOO_SMALL = 422;

    private final int expiresSeconds;
    private final int minSeSeconds;
    private final HeaderFactory headers;

    /** @param config what we ask for and grant at most, and the least we accept (validated with the config) */
    public SessionTimerRules(SessionTimers config, HeaderFactory headers) {
        this.expiresSeconds = (int) config.expires().toSeconds();
        this.minSeSeconds = (int) config.minSE().toSeconds();
        if (minSeSeconds < 1 || expiresSeconds < minSeSeconds) {
            throw new IllegalArgumentException("expires=" + expiresSeconds + "s must be at least minSE=" + minSeSeconds + "s >= 1s");
        }
        this.headers = headers;
    }

    public int minSeSeconds() {
        return minSeSeconds;
    }

    /** A session interval agreed for a dialog, and whether we are the refresher. */
    public record Grant(int seconds, boolean weRefresh) {
    }

    /**
     * What a session refresh request (INVITE, re-INVITE, UPDATE) we received earns: null when its
     * Session-Expires is below our Min-SE (see {@link #refusedTooShort}), else the interval
     * (theirs, capped at ours, never below their Min-SE) and the refresher: theirs if they named
     * one, else the peer when it supports timers (fewer requests from us), else us.
     */
    public Grant grant(Request request) {
        int asked = sessionExpires(request);
        if (asked > 0 && asked < minSeSeconds) {
            return null;
        }
        int seconds = Math.max(asked > 0 ? Math.min(asked, expiresSeconds) : expiresSeconds, minSe(request));
        String refresher = refresher(request);
        boolean peerCan = supportsTimer(request);
        boolean weRefresh = refresher != null ? refresher.equalsIgnoreCase("uas") : !peerCan;
        return new Grant(seconds, weRefresh);
    }

    /** The 2xx's Session-Expires for {@code grant}, with Require: timer when the request said it supports timers. */
    public void answer(Response ok, Request request, Grant grant) {
        add(ok, SESSION_EXPIRES, grant.seconds() + ";refresher=" + (grant.weRefresh() ? "uas" : "uac"));
        if (supportsTimer(request)) {
            try {
                ok.addHeader(headers.createRequireHeader(TIMER));
            } catch (ParseException e) {
                throw new IllegalStateException("Require", e);
            }
        }
    }

    /**
     * Answers 422 with our Min-SE (and one INFO line naming {@code who}) when {@code request}
     * asks a session interval below it; false when the request may go on.
     */
    public boolean refusedTooShort(SipOutbound sip, ServerTransaction st, Request request, String who) {
        if (grant(request) != null) {
            return false;
        }
        log.info("{}: {} asks a session interval below our Min-SE {} s: 422", who, request.getMethod(), minSeSeconds);
        sip.answer(st, request, INTERVAL_TOO_SMALL, null, null, r -> add(r, MIN_SE, Integer.toString(minSeSeconds)));
        return true;
    }

    /**
     * What our INVITE or refresh asks for: {@code seconds}, {@code minSe} (ours, or a 422's) and,
     * for a refresh ({@code weRefresh}), refresher=uac; an initial INVITE leaves the choice to the
     * far end. {@code Supported: timer} is on every INVITE and UPDATE we send already.
     */
    public void request(Request r, int seconds, int minSe, boolean weRefresh) {
        add(r, SESSION_EXPIRES, seconds + (weRefresh ? ";refresher=uac" : ""));
        add(r, MIN_SE, Integer.toString(Math.max(minSeSeconds, minSe)));
    }

    /** The interval we ask for in a new INVITE. */
    public int expiresSeconds() {
        return expiresSeconds;
    }

    /** What a 2xx to our request grants; null when it has no Session-Expires (no session timer, RFC 4028 section 7.2). */
    public static Grant granted(Response ok) {
        int seconds = sessionExpires(ok);
        if (seconds <= 0) {
            return null;
        }
        String refresher = refresher(ok);
        return new Grant(seconds, refresher == null || refresher.equalsIgnoreCase("uac"));
    }

    /** The Min-SE of a 422 (or a request), 0 when absent. */
    public static int minSe(Message m) {
        Header h = m.getHeader(MIN_SE);
        return h instanceof MinSE min ? min.getExpires() : 0;
    }

    private static int sessionExpires(Message m) {
        Header h = m.getHeader(SESSION_EXPIRES);
        return h instanceof SessionExpiresHeader se ? se.getExpires() : 0;
    }

    private static String refresher(Message m) {
        Header h = m.getHeader(SESSION_EXPIRES);
        return h instanceof SessionExpiresHeader se ? se.getRefresher() : null;
    }

    /** Supported: timer or Require: timer. */
    static boolean supportsTimer(Message m) {
        for (ListIterator<?> it = m.getHeaders(SupportedHeader.NAME); it != null && it.hasNext(); ) {
            if (TIMER.equalsIgnoreCase(((SupportedHeader) it.next()).getOptionTag())) {
                return true;
            }
        }
        for (ListIterator<?> it = m.getHeaders(RequireHeader.NAME); it != null && it.hasNext(); ) {
            if (TIMER.equalsIgnoreCase(((RequireHeader) it.next()).getOptionTag())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the peer's Allow lists UPDATE (RFC 3311), so a refresh needs no SDP. */
    public static boolean allowsUpdate(Message m) {
        for (ListIterator<?> it = m.getHeaders(AllowHeader.NAME); it != null && it.hasNext(); ) {
            for (String method : ((AllowHeader) it.next()).getMethod().split(",")) {
                if (Request.UPDATE.equalsIgnoreCase(method.trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void add(Message m, String name, String value) {
        try {
            m.setHeader(headers.createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalStateException(name + ": " + value, e);
        }
    }
}
