/**
 * SIP over TCP without a thread per connection: the Jain-SIP RI's NIO processor with our own
 * stream framing (the strict parser sees every message), a cap per source address and in total,
 * and an idle timeout that spares connections phones registered over or dialogs live on.
 */
package gateway.sip.tcp;
