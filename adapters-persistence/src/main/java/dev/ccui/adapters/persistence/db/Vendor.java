package dev.ccui.adapters.persistence.db;

/** The two databases we run on; each has its own folder of migrations beside the shared ones. */
public enum Vendor {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Vendor(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationFolder() {
        return migrationFolder;
    }
}
