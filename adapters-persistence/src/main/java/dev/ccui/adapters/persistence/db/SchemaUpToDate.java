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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        try {
            Map<String, Integer> shipped = shipped(folders);
            if (shipped == null || shipped.isEmpty()) {
                return false;
            }
            return shipped.equals(applied(dataSource, schema));
        } catch (SQLException | IOException | UncheckedIOException | URISyntaxException e) {
            return false;
        }
    }

    /** Version → Flyway checksum of every script in the folders; null when one is not a versioned migration. */
    private static Map<String, Integer> shipped(List<String> folders) throws IOException, URISyntaxException {
        ClassLoader loader = SchemaUpToDate.class.getClassLoader();
        Map<String, Integer> versions = new HashMap<>();
        for (String folder : folders) {
            URL url = loader.getResource(folder);
            if (url == null) {
                return null;
            }
            for (String name : scripts(url, folder)) {
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

    /** The file names directly in a classpath folder, from a directory or from the jar's index. */
    private static List<String> scripts(URL url, String folder) throws IOException, URISyntaxException {
        if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(p -> p.getFileName().toString()).toList();
            }
        }
        if (url.openConnection() instanceof JarURLConnection connection) {
            connection.setUseCaches(false);
            String prefix = folder + "/";
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream()
                        .map(entry -> entry.getName())
                        .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
                        .map(name -> name.substring(prefix.length()))
                        .toList();
            }
        }
        throw new IOException("cannot list " + url);
    }

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
