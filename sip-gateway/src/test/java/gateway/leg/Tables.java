package gateway.leg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.sip.PeerUnavailableException;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.message.Request;

/** Checks for state enums and the machines that use them; shared by the leg and call tests. */
public final class Tables {
    private Tables() {
    }

    /** Every pair of {@code type}'s states: allowed exactly when {@code legal} lists it. */
    public static <S extends Enum<S> & Transitions<S>> void assertTable(Class<S> type, Map<S, Set<S>> legal) {
        for (S from : type.getEnumConstants()) {
            Set<S> allowed = legal.getOrDefault(from, Set.of());
            for (S to : type.getEnumConstants()) {
                assertEquals(allowed.contains(to), from.canGo(to), from + " -> " + to);
            }
        }
    }

    /** Every state {@code table} does not allow from {@code from}. */
    public static <S extends Enum<S> & Transitions<S>> Set<S> illegalFrom(Class<S> type, S from) {
        Set<S> illegal = EnumSet.noneOf(type);
        for (S to : type.getEnumConstants()) {
            if (!from.canGo(to)) {
                illegal.add(to);
            }
        }
        return illegal;
    }

    /**
     * Drives every illegal move from {@code current.get()} through {@code state}: each throws
     * and leaves the state as it was.
     */
    public static <S extends Enum<S> & Transitions<S>> void assertIllegalThrow(Class<S> type, Supplier<S> current,
                                                                              BiConsumer<S, String> state) {
        S from = current.get();
        for (S to : illegalFrom(type, from)) {
            assertThrows(IllegalStateException.class, () -> state.accept(to, "test"), from + " -> " + to);
            assertEquals(from, current.get(), "an illegal " + from + " -> " + to + " changes nothing");
        }
    }

    /** A server transaction that answers every call with null: enough for a leg never sending. */
    /** A caller's INVITE as the stack would hand it over, parsed from text (no network). */
    public static Request invite(String callId) {
        String text = "INVITE sip:5000@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK-tables\r\n"
                + "From: \"Caller\" <sip:+15550001@127.0.0.2>;tag=tables\r\n"
                + "To: <sip:5000@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        try {
            return SipFactory.getInstance().createMessageFactory().createRequest(text);
        } catch (ParseException | PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ServerTransaction nullTransaction() {
        return (ServerTransaction) Proxy.newProxyInstance(Tables.class.getClassLoader(),
                new Class<?>[] {ServerTransaction.class}, (proxy, method, args) -> null);
    }
}
