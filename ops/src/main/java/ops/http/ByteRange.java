package ops.http;

/**
 * The part of a file a {@code Range} header asks for. Only one range of bytes is served; a
 * header we don't serve (several ranges, another unit, malformed) is ignored as RFC 9110
 * allows, and the whole file goes out with 200.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive ({@code first - 1} for an empty whole file)
 */
record ByteRange(Kind kind, long first, long last, long size) {

    enum Kind { WHOLE, PARTIAL, UNSATISFIABLE }

    long length() {
        return last - first + 1;
    }

    /** {@code bytes first-last/size}, or {@code bytes *\/size} when unsatisfiable. */
    String contentRange() {
        return kind == Kind.UNSATISFIABLE ? "bytes */" + size : "bytes " + first + "-" + last + "/" + size;
    }

    static ByteRange of(String header, long size) {
        ByteRange whole = new ByteRange(Kind.WHOLE, 0, size - 1, size);
        if (header == null) {
            return whole;
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return whole;
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        try {
            return dash == 0 ? suffix(Long.parseLong(spec.substring(1)), size, whole)
                    : span(spec.substring(0, dash), spec.substring(dash + 1), size, whole);
        } catch (NumberFormatException e) {
            return whole;
        }
    }

    /** {@code bytes=-n}: the last n bytes (all of them when the file is shorter). */
    private static ByteRange suffix(long n, long size, ByteRange whole) {
        if (n < 0) {
            return whole;
        }
        if (n == 0 || size == 0) {
            return unsatisfiable(size);
        }
        return new ByteRange(Kind.PARTIAL, Math.max(0, size - n), size - 1, size);
    }

    /** {@code bytes=a-b} or {@code bytes=a-}; b past the end is cut to the end. */
    private static ByteRange span(String a, String b, long size, ByteRange whole) {
        long first = Long.parseLong(a);
        long last = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
        if (first < 0 || last < first) {
            return whole;
        }
        if (first >= size) {
            return unsatisfiable(size);
        }
        return new ByteRange(Kind.PARTIAL, first, Math.min(last, size - 1), size);
    }

    private static ByteRange unsatisfiable(long size) {
        return new ByteRange(Kind.UNSATISFIABLE, 0, -1, size);
    }
}
