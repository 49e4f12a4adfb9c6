package dev.ccui.adapters.persistence.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether the database already holds exactly the migrations this build ships, each with the
 * checksum Flyway gives its script: then starting needs no Flyway at all (its set-up, classpath
 * scan and validation were a good part of a warm start). Anything unexpected (a missing or extra
 * version, another checksum, a failed or non-SQL row, no history table, a file that is not a
 * versioned migration) answers false, and Flyway migrates and validates as it always did.
 */
final class SchemaUpToDate {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[^/]*\\.sql");

    private SchemaUpToDate() {}

    static boolean check(DataSource dataSource, List<String> folders, String schema) {
        return check(dataSource, folders, schema, SchemaUpToDate.class.getClassLoader());
    }

    /** As {@link #check(DataSource, List, String)}, with the scripts found through {@code loader} (tests). */
    static boolean check(DataSource dataSource, List<String> folders, String schema, ClassLoader loader) {
        try {
            Map<String, Integer> shipped = shipped(folders, loader);
            if (shipped == null || shipped.isEmpty()) {
                return false;
            }
            return shipped.equals(applied(dataSource, schema));
        } catch (SQLException | IOException | UncheckedIOException | URISyntaxException e) {
            return false;
        }
    }

    /** Version → Flyway checksum of every script in the folders; null when one is not a versioned migration. */
    private static Map<String, Integer> shipped(List<String> folders, ClassLoader loader)
            throws IOException, URISyntaxException {
        Map<String, List<String>> scripts = scripts(loader, folders);
        if (scripts == null) {
            return null;
        }
        Map<String, Integer> versions = new HashMap<>();
        for (String folder : folders) {
            for (String name : scripts.get(folder)) {
                Matcher matcher = VERSIONED.matcher(name);
                if (!matcher.matches()) {
                    return null;
                }
                try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
                    if (in == null || versions.put(matcher.group(1), checksum(in)) != null) {
                        return null;
                    }
                }
            }
        }
        return versions;
    }

    /**
     * The file names directly in each classpath folder, from its directory or from the jar's
     * entries; null when a folder is missing. Folders in the same jar are listed in one pass over
     * its entries (the shaded jar holds some 20,000: a pass was 20 ms of a warm start).
     */
    private static Map<String, List<String>> scripts(ClassLoader loader, List<String> folders)
            throws IOException, URISyntaxException {
        Map<String, List<String>> names = new HashMap<>();
        Map<URL, JarFolders> jars = new LinkedHashMap<>();
        for (String folder : folders) {
            URL url = loader.getResource(folder);
            if (url == null) {
                return null;
            }
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    names.put(
                            folder,
                            files.map(p -> p.getFileName().toString())
                                    .collect(Collectors.toCollection(ArrayList::new)));
                }
            } else if (url.openConnection() instanceof JarURLConnection connection) {
                names.put(folder, new ArrayList<>());
                jars.computeIfAbsent(connection.getJarFileURL(), jar -> new JarFolders(connection, new ArrayList<>()))
                        .folders()
                        .add(folder);
            } else {
                throw new IOException("cannot list " + url);
            }
        }
        for (JarFolders jar : jars.values()) {
            jar.connection().setUseCaches(false);
            try (JarFile file = jar.connection().getJarFile()) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    for (String folder : jar.folders()) {
                        int prefix = folder.length() + 1;
                        if (name.length() > prefix && name.startsWith(folder) && name.charAt(prefix - 1) == '/') {
                            names.get(folder).add(name.substring(prefix));
                        }
                    }
                }
            }
        }
        return names;
    }

    /** A jar of the classpath, as the first of its folders reached it, and its folders. */
    private record JarFolders(JarURLConnection connection, List<String> folders) {}

    /** Flyway's checksum of a script: CRC32 over its lines' UTF-8 bytes without line breaks or BOM. */
    static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = reader.readLine();
        }
        return (int) crc.getValue();
    }

    /** Version → checksum of the applied migrations; null when a row is failed or of another kind. */
    private static Map<String, Integer> applied(DataSource dataSource, String schema) throws SQLException {
        String table = schema == null ? "flyway_schema_history" : "\"" + schema + "\".flyway_schema_history";
        Map<String, Integer> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum, type, success FROM " + table)) {
            while (rows.next()) {
                String type = rows.getString("type");
                if ("SCHEMA".equals(type)) {
                    continue;
                }
                int checksum = rows.getInt("checksum");
                if (rows.wasNull() || !"SQL".equals(type) || !rows.getBoolean("success")) {
                    return null;
                }
                if (versions.put(rows.getString("version"), checksum) != null) {
                    return null;
                }
            }
        }
        return versions;
    }
}
