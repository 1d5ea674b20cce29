package ops.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests. The event loop only copies each request out of its buffers;
 * the route runs on the worker executor, chained behind the connection's previous request so
 * pipelined requests are answered in order. A full executor answers 503.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

    private final AdminApi api;
    private final Executor work;
    /** The connection's last request; touched on the event loop only. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** An event stream answered this connection: it is the last response, later requests get none. */
    private volatile boolean streaming;

    AdminHandler(AdminApi api, Executor work) {
        this.api = api;
        this.work = work;
    }

    /** A request copied out of Netty's buffers. */
    private record Incoming(String method, String uri, Map<String, String> headers, byte[] body) {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            String why = String.valueOf(request.decoderResult().cause().getMessage());
            ctx.writeAndFlush(ResponseWriter.error(400, "malformed request: " + why, Map.of("Connection", "close")))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        Incoming in = new Incoming(request.method().name(), request.uri(), headers,
                ByteBufUtil.getBytes(request.content()));
        tail = tail.thenRunAsync(() -> respond(ctx, in), work).exceptionally(busy -> {
            ctx.writeAndFlush(ResponseWriter.error(503, "the admin API is busy; try again", Map.of("Retry-After", "1")));
            return null;
        });
    }

    private void respond(ChannelHandlerContext ctx, Incoming in) {
        if (streaming) {
            log.debug("{} {} after an event stream on the same connection: not answered", in.method(), pathOf(in.uri()));
            return;
        }
        try {
            ApiResponse response = api.handle(in.method(), in.uri(), in.headers(), in.body(), remote(ctx));
            ResponseWriter.write(ctx, response, in.headers().get("range"));
            streaming = response instanceof ApiResponse.Stream;
        } catch (ApiException e) {
            refuse(ctx, in, e);
        } catch (Exception | LinkageError | AssertionError e) {
            log.error("{} {} failed", in.method(), pathOf(in.uri()), e);
            ctx.writeAndFlush(ResponseWriter.error(500, "internal error: " + e.getClass().getSimpleName(), Map.of()));
        }
    }

    private void refuse(ChannelHandlerContext ctx, Incoming in, ApiException e) {
        if (e.status() == 401 && !pathOf(in.uri()).equals(SessionApi.PATH)) {
            // the header's value is never logged: a near-miss token is still a secret (a failed sign-in logs itself)
            log.info("refused {} {} from {}: no valid token or session", in.method(), pathOf(in.uri()),
                    ctx.channel().remoteAddress());
        } else {
            log.debug("{} {}: {} {}", in.method(), pathOf(in.uri()), e.status(), e.getMessage());
        }
        ctx.writeAndFlush(ResponseWriter.error(e.status(), e.getMessage(), e.headers()));
    }

    /** The peer's address without the port: what the sign-in throttle counts by. */
    private static String remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress()
                : String.valueOf(ctx.channel().remoteAddress());
    }

    /** The path without the query, which may hold values an admin would rather not see in a log. */
    private static String pathOf(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("admin connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("admin connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
