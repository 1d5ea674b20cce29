/**
 * Netty plumbing shared by SIP and RTP: the transport chosen once per process
 * ({@link gateway.net.Transport}: native epoll where available, NIO elsewhere) and the event
 * loops that own calls ({@link gateway.net.CallLoops#loopFor(String)}: a Call-ID always maps to
 * the same loop, which runs that call's SIP events, RTP sockets and playback).
 */
package gateway.net;
