package config.validate;

import config.model.Push;
import config.model.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** The optional top-level {@code push: {url, token}}; null when the section is left out. */
final class PushSection {
    private final Binding b;

    PushSection(Binding b) {
        this.b = b;
    }

    Push read(Fields root) {
        if (!root.has("push")) {
            return null;
        }
        Fields f = Fields.of(root.node("push"), "push", b.problems, Set.of("url", "token"));
        URI url = f.value("url", null, PushSection::url);
        Secret token = b.secret(f, "token");
        if (!f.has("url")) {
            f.missing("url");
        }
        if (!f.has("token")) {
            f.missing("token");
        }
        return url == null || token == null ? null : new Push(url, token);
    }

    private static URI url(String text) throws BadValue {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new BadValue("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new BadValue("expected an http:// or https:// URL with a host, found " + text.strip());
        }
        if (uri.getUserInfo() != null) {
            throw new BadValue("put the credentials in push.token, not in the URL (a URL may reach a log)");
        }
        return uri;
    }
}
