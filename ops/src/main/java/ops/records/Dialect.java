package ops.records;

/** The two databases we write; each has one schema file per version, {@code schema-<name>-<N>.sql}. */
enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String fileName;

    Dialect(String fileName) {
        this.fileName = fileName;
    }

    String schemaResource(int version) {
        return "/ops/records/schema-" + fileName + "-" + version + ".sql";
    }
}
