package ops.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Turns {@link ApiResponse}s into HTTP/1.1 responses, always with a Content-Length so the
 * connection can be kept alive. Called on worker threads: Netty queues the writes on the
 * channel's loop in call order, which keeps a connection's responses in request order.
 */
final class ResponseWriter {
    static final String JSON = "application/json";

    private ResponseWriter() {
    }

    static void write(ChannelHandlerContext ctx, ApiResponse response, String rangeHeader) throws IOException {
        if (response instanceof ApiResponse.Json j) {
            ctx.writeAndFlush(full(j.status(), JSON, Json.bytes(j.body()), Map.of()));
        } else if (response instanceof ApiResponse.Bytes b) {
            ctx.writeAndFlush(full(b.status(), b.contentType(), b.body(), b.headers()));
        } else if (response instanceof ApiResponse.Stream s) {
            stream(ctx, s);
        } else {
            file(ctx, (ApiResponse.File) response, rangeHeader);
        }
    }

    static FullHttpResponse error(int status, String message, Map<String, String> headers) {
        return full(status, JSON, Json.bytes(Json.error(status, message)), headers);
    }

    static FullHttpResponse full(int status, String contentType, byte[] body, Map<String, String> headers) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        HttpHeaders h = r.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        common(h);
        headers.forEach(h::set);
        return r;
    }

    /** Live call-center data and recordings: never cached, never sniffed as another type. */
    private static void common(HttpHeaders h) {
        h.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        h.set("X-Content-Type-Options", "nosniff");
    }

    /** The head of an endless chunked {@code text/event-stream}; the feed writes the rest. */
    private static void stream(ChannelHandlerContext ctx, ApiResponse.Stream s) {
        if (!s.feed().admit()) {
            throw new ApiException(503, "too many live streams open (" + LiveFeed.MAX_SUBSCRIBERS + ")",
                    Map.of("Retry-After", "5"));
        }
        try {
            ctx.writeAndFlush(streamHead());
            s.feed().subscribe(ctx.channel(), s.role(), s.session());
        } catch (RuntimeException | Error e) {
            s.feed().release();
            throw e;
        }
    }

    private static HttpResponse streamHead() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpHeaders h = head.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        common(h);
        h.set("X-Accel-Buffering", "no"); // a proxy in front must pass each event on at once
        HttpUtil.setTransferEncodingChunked(head, true);
        return head;
    }

    /** Streams a file zero-copy (sendfile) from disk, the whole of it or one byte range. */
    private static void file(ChannelHandlerContext ctx, ApiResponse.File f, String rangeHeader) throws IOException {
        long size;
        try {
            size = Files.size(f.path());
        } catch (NoSuchFileException e) {
            throw new ApiException(404, "file " + f.path().getFileName() + " is not on disk");
        }
        ByteRange range = ByteRange.of(rangeHeader, size);
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            throw new ApiException(416, "range '" + rangeHeader + "' is outside the file's " + size + " bytes",
                    Map.of("Content-Range", range.contentRange(), "Accept-Ranges", "bytes"));
        }
        boolean partial = range.kind() == ByteRange.Kind.PARTIAL;
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                partial ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK);
        HttpHeaders h = head.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, f.contentType());
        h.set(HttpHeaderNames.CONTENT_LENGTH, range.length());
        h.set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
        if (partial) {
            h.set(HttpHeaderNames.CONTENT_RANGE, range.contentRange());
        }
        common(h);
        f.headers().forEach(h::set);
        ctx.write(head);
        if (range.length() > 0) {
            // opened lazily by the region on the loop, and closed when the region is released
            ctx.write(new DefaultFileRegion(f.path().toFile(), range.first(), range.length()));
        }
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }
}
