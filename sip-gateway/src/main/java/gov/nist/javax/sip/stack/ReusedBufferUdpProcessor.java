package gov.nist.javax.sip.stack;

import gov.nist.core.CommonLogger;
import gov.nist.core.LogLevels;
import gov.nist.core.StackLogger;
import gov.nist.core.ThreadAuditor;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedList;

/**
 * The RI's UDP processor receiving every datagram into one buffer, reused by its single receive
 * thread, and queueing an exact-size copy. The RI allocates a fresh buffer of the full maximum size
 * (64 KB) per datagram, which was over half of all bytes the server allocated under SIP load; its
 * channel copies the message out of that buffer anyway before parsing.
 *
 * <p>In the RI's package because the UDPMessageChannel constructors that start its worker
 * threads are protected and the stack's udpFlag is package-private. Everything else is the RI's: buffer size (MAX_MESSAGE_SIZE, capped at
 * the datagram size: a larger datagram is truncated to it, as before), queue, workers, channels.
 */
public final class ReusedBufferUdpProcessor extends UDPMessageProcessor {
    private static final StackLogger LOG = CommonLogger.getLogger(ReusedBufferUdpProcessor.class);

    public ReusedBufferUdpProcessor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
        super(address, stack, port);
        // what the RI's factories set beside creating its processor: UDP is sent from this socket
        // (package-private, another reason for this package)
        stack.udpFlag = true;
    }

    /** The RI's receive buffer size: MAX_MESSAGE_SIZE if set and smaller than a datagram can be. */
    static int bufferSize(int stackMaxMessageSize) {
        int max = SipStackImpl.MAX_DATAGRAM_SIZE;
        return stackMaxMessageSize > 0 && stackMaxMessageSize < max ? stackMaxMessageSize : max;
    }

    @Override
    public void run() {
        messageChannels = new LinkedList<UDPMessageChannel>();
        boolean pooled = sipStack.threadPoolSize != -1;
        if (pooled) {
            for (int i = 0; i < sipStack.threadPoolSize; i++) {
                messageChannels.add(new UDPMessageChannel(sipStack, this,
                        ((SipStackImpl) sipStack).getStackName() + "-UDPMessageChannelThread-" + i));
            }
        }
        ThreadAuditor auditor = sipStack.getThreadAuditor();
        ThreadAuditor.ThreadHandle handle = auditor == null ? null : auditor.addCurrentThread();
        byte[] buffer = new byte[bufferSize(sipStack.getMaxMessageSize())];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        boolean failing = false;
        while (isRunning) {
            try {
                if (handle != null) {
                    handle.ping();
                }
                received.setLength(buffer.length);
                sock.receive(received);
                DatagramPacket packet = new DatagramPacket(Arrays.copyOf(buffer, received.getLength()),
                        received.getLength(), received.getAddress(), received.getPort());
                if (pooled) {
                    messageQueue.offer(new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis()));
                } else {
                    new UDPMessageChannel(sipStack, this, packet);
                }
                failing = false;
            } catch (SocketTimeoutException e) {
                // the thread auditor's ping interval: loop to ping
            } catch (IOException | RuntimeException e) {
                if (!isRunning) {
                    LOG.logDebug("UDPMessageProcessor: Stopping");
                    return;
                }
                // as the RI: report and keep receiving; one report per run of failures (it floods otherwise)
                if (!failing && LOG.isLoggingEnabled(LogLevels.TRACE_WARN)) {
                    LOG.logWarning("Caught '" + e + "' on UDP receive socket on " + getIpAddress().getHostAddress()
                            + ":" + getPort() + ". Trying to ignore it ...");
                }
                failing = true;
            }
        }
    }
}
