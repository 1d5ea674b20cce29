package ops.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records database: where it is and how to connect. {@link #open} migrates the schema; the
 * {@link CallJournal} then owns one connection for writing, and {@link #records()} reads with
 * short-lived connections of its own, so HTTP threads never share the writer's transaction.
 */
public final class Storage {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);

    private final StorageSettings settings;
    private final Dialect dialect;
    private final String url;
    private final Properties properties;

    private Storage(StorageSettings settings, Dialect dialect, String url, Properties properties) {
        this.settings = settings;
        this.dialect = dialect;
        this.url = url;
        this.properties = properties;
    }

    /** Connects once, creates or migrates the schema, and refuses a database newer than this code. */
    public static Storage open(StorageSettings settings) throws SQLException {
        Storage storage = locate(settings);
        try (Connection c = storage.connect()) {
            int version = SchemaMigrations.migrate(c, storage.dialect, System.currentTimeMillis());
            log.info("call records in {} (schema version {})", storage.describe(), version);
        }
        return storage;
    }

    /** Where the settings point, checked, without connecting. */
    static Storage locate(StorageSettings settings) {
        return settings.database() == null ? sqlite(settings) : postgresql(settings);
    }

    public StorageSettings settings() {
        return settings;
    }

    /** Finished calls and their events, for the admin API; safe from any thread. */
    public CallRecords records() {
        return new JdbcCallRecords(this);
    }

    /** The database as a plain JDBC source (a connection per call), for reports; safe from any thread. */
    public DataSource dataSource() {
        return new StorageDataSource(this);
    }

    Dialect dialect() {
        return dialect;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    /** Where the records are, without the password. */
    public String describe() {
        return dialect == Dialect.SQLITE ? url.substring("jdbc:sqlite:".length())
                : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static Storage sqlite(StorageSettings settings) {
        Path dir = settings.dir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("storage.dir " + dir + " cannot be created", e);
        }
        Properties p = new Properties();
        // WAL with synchronous=NORMAL: a commit survives the process being killed (the OS has the WAL);
        // only a power loss may take the last commits back
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("busy_timeout", "5000");
        return new Storage(settings, Dialect.SQLITE, "jdbc:sqlite:" + dir.resolve("acd.db"), p);
    }

    private static Storage postgresql(StorageSettings settings) {
        String database = settings.database();
        if (database.startsWith("jdbc:postgresql:")) {
            return new Storage(settings, Dialect.POSTGRESQL, database, new Properties());
        }
        Properties p = new Properties();
        URI uri;
        try {
            uri = new URI(database);
        } catch (URISyntaxException e) {
            throw badUrl(database, e.getReason());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw badUrl(database, "not a postgresql:// URL");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw badUrl(database, "a host and a database name are required");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            p.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                p.setProperty("password", decode(userInfo.substring(colon + 1)));
            }
        }
        String url = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Storage(settings, Dialect.POSTGRESQL, url, p);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException badUrl(String url, String why) {
        String shown = url.replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@");
        return new IllegalArgumentException("storage.database '" + shown + "': " + why
                + " (expected postgresql://user:password@host:port/database)");
    }
}
