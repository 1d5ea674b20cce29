package gateway.leg;

import gateway.sip.SipOutbound;
import ivr.dtmf.SipInfoDtmf;
import java.nio.charset.StandardCharsets;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Keys by SIP INFO, the same for every leg's dialog: read from a request we answer, or sent as dtmf-relay. */
final class InfoKeys {
    private InfoKeys() {
    }

    /**
     * Answers an INFO: 200 for a key ({@code application/dtmf-relay} or {@code application/dtmf})
     * or an empty keep-alive, 415 for another body, 400 for a DTMF body naming no key.
     *
     * @return the key, or 0 when the INFO carried none
     */
    static char answer(SipOutbound sip, ServerTransaction st, Request info) {
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        byte[] raw = info.getRawContent();
        if (raw == null || raw.length == 0) {
            sip.reply(st, info, Response.OK);
            return 0;
        }
        String contentType = type == null ? "" : type.getContentType() + "/" + type.getContentSubType();
        if (!SipInfoDtmf.isDtmf(contentType)) {
            sip.reply(st, info, Response.UNSUPPORTED_MEDIA_TYPE);
            return 0;
        }
        char key = SipInfoDtmf.parse(contentType, new String(raw, StandardCharsets.UTF_8));
        sip.reply(st, info, key == 0 ? Response.BAD_REQUEST : Response.OK);
        return key;
    }

    /** Sends {@code key} as {@code application/dtmf-relay}; false when it could not go out. */
    static boolean send(SipOutbound sip, Dialog dialog, char key, int durationMs) {
        return sip.info(dialog, SipInfoDtmf.DTMF_RELAY, SipInfoDtmf.relayBody(key, durationMs));
    }
}
