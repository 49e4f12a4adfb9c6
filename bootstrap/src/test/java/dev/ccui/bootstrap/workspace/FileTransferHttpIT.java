package dev.ccui.bootstrap.workspace;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uploads ({@code POST /files/upload}, multipart) and folder zips ({@code GET /files/zip}) through
 * the real application, with limits made small: 2 KiB a file, 8 KiB an upload, 5 files, 4 KiB a zip.
 */
class FileTransferHttpIT {
    private static final String BOUNDARY = "ccui-test-boundary-7d1f";

    @TempDir
    Path folder;

    private TestApplication app;
    private String base;
    private ApiClient owner;
    private ApiClient stranger;
    private Path projectDir;
    private Path outside;
    private String files;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        projectDir = Files.createDirectories(folder.resolve("work/proj"));
        outside = Files.createDirectories(folder.resolve("work/outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(projectDir.resolve("link-out"), Path.of("../outside"));
        app = TestApplication.sqlite(
                folder,
                Map.of(
                        "CCUI_UPLOAD_FILE_LIMIT", "2048",
                        "CCUI_UPLOAD_REQUEST_LIMIT", "8192",
                        "CCUI_UPLOAD_MAX_FILES", "5",
                        "CCUI_ZIP_LIMIT", "4096"));
        base = app.startHttp();
        ApiClient admin = ApiClient.setUpAdmin(base);
        owner = admin.createMember("owner");
        stranger = admin.createMember("stranger");
        // The stranger is a member with a project of their own: being someone's member opens no other project.
        Path theirs = Files.createDirectories(folder.resolve("work/theirs"));
        assertThat(stranger.post("/api/projects", "{\"path\":\"" + theirs + "\"}")
                        .statusCode())
                .isEqualTo(201);
        var created = owner.post("/api/projects", "{\"path\":\"" + projectDir + "\"}");
        files = "/api/projects/" + json(created).get("id").asText() + "/files";
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A multipart body with these file names (raw, as a hostile client may send them) and contents. */
    private static byte[] multipart(Map<String, byte[]> parts) {
        var body = new ByteArrayOutputStream();
        for (var part : parts.entrySet()) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + part.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static Map<String, byte[]> texts(String... namesAndContents) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            parts.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return parts;
    }

    private HttpResponse<String> upload(ApiClient who, String query, HttpRequest.BodyPublisher body) throws Exception {
        return upload(http, who, query, body);
    }

    private HttpResponse<String> upload(HttpClient http, ApiClient who, String query, HttpRequest.BodyPublisher body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + files + "/upload" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(body);
        if (who.token() != null) {
            request.header("Authorization", "Bearer " + who.token());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(ApiClient who, String query, Map<String, byte[]> parts) throws Exception {
        return upload(who, query, HttpRequest.BodyPublishers.ofByteArray(multipart(parts)));
    }

    private static String code(HttpResponse<String> response) {
        return json(response).at("/error/code").asText();
    }

    @Test
    void severalFilesAndFoldersLandBelowTheFolderAndAnExistingFileIsAConflictUntilOverwrite() throws Exception {
        var uploaded = upload(owner, "?path=docs", texts("a.md", "# a", "img/logo.svg", "<svg/>", "img/x/y.txt", "y"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json(uploaded).get("paths").toString())
                .isEqualTo("[\"docs/a.md\",\"docs/img/logo.svg\",\"docs/img/x/y.txt\"]");
        assertThat(projectDir.resolve("docs/img/x/y.txt")).hasContent("y");
        // A browser's folder drop names each file by its path in the folder; UTF-8 names come through.
        assertThat(upload(owner, "", texts("café/menü.txt", "ü")).statusCode()).isEqualTo(201);
        assertThat(projectDir.resolve("café/menü.txt")).hasContent("ü");

        var conflict = upload(owner, "?path=docs", texts("a.md", "theirs", "new.md", "n", "img/x/y.txt", "z"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(code(conflict)).isEqualTo("UPLOAD_CONFLICT");
        assertThat(json(conflict).at("/error/paths").toString()).isEqualTo("[\"docs/a.md\",\"docs/img/x/y.txt\"]");
        assertThat(json(conflict).at("/error/message").asText()).contains("docs/a.md");
        assertThat(projectDir.resolve("docs/a.md")).hasContent("# a");
        assertThat(projectDir.resolve("docs/new.md")).doesNotExist();

        var replaced = upload(owner, "?path=docs&overwrite=true", texts("a.md", "theirs", "new.md", "n"));
        assertThat(replaced.statusCode()).isEqualTo(201);
        assertThat(projectDir.resolve("docs/a.md")).hasContent("theirs");
        var audit = owner.get("/api/audit?limit=5");
        assertThat(audit.statusCode()).as("members do not read the audit log").isEqualTo(403);
    }

    @Test
    void onlyTheProjectsPeopleMayUploadOrZipAndAStrangersBodyIsRefusedBeforeItIsRead() throws Exception {
        Files.writeString(projectDir.resolve("a.txt"), "a");
        var refused = upload(stranger, "", texts("planted.txt", "x"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(projectDir.resolve("planted.txt")).doesNotExist();
        assertThat(upload(new ApiClient(base, null), "", texts("planted.txt", "x"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(stranger.get(files + "/zip").statusCode()).isEqualTo(403);
        assertThat(new ApiClient(base, null).get(files + "/zip").statusCode()).isEqualTo(401);
        var json = owner.post(files + "/upload", "{\"files\":[]}");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json(json).at("/error/field").asText()).isEqualTo("files");
    }

    static Stream<String> hostileNames() {
        return Stream.of(
                "../escape.txt",
                "a/../../escape.txt",
                "/tmp/escape.txt",
                "//escape.txt",
                "~/escape.txt",
                "..\\\\escape.txt",
                "a\\\\b.txt",
                "a\u0000b.txt",
                "a\u0001b.txt",
                "a\u007Fb.txt",
                "a\u202Eb.txt",
                "\u2024\u2024/escape.txt",
                "%2e%2e/escape.txt",
                "link-out/escape.txt",
                "link-out",
                " ../escape.txt");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostileNames")
    void hostileNamesAreRefusedNeverA500AndNothingIsWritten(String name) throws Exception {
        for (String query : List.of("", "?overwrite=true")) {
            // A connection of its own: Jetty closes one whose multipart it could not parse, after the answer.
            var response = upload(
                    HttpClient.newHttpClient(),
                    owner,
                    query,
                    HttpRequest.BodyPublishers.ofByteArray(
                            multipart(Map.of(name, "pwned".getBytes(StandardCharsets.UTF_8)))));
            assertThat(response.statusCode()).as(response.body()).isIn(400, 403);
            if (response.statusCode() == 403) {
                assertThat(code(response)).isEqualTo("PATH_OUTSIDE_PROJECT");
            }
        }
        var throughFolder = upload(owner, "?path=" + URLEncoder.encode(name, StandardCharsets.UTF_8), texts("x", "x"));
        assertThat(throughFolder.statusCode()).as(throughFolder.body()).isIn(400, 403, 404);
        try (var all = Files.walk(folder.resolve("work"))) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("secret.txt");
        }
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
    }

    @Test
    void anOversizeFileOrUploadIsRefusedWith413AndNothingIsWritten() throws Exception {
        var big = upload(owner, "", Map.of("big.bin", new byte[4096]));
        assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
        assertThat(code(big)).isEqualTo("UPLOAD_TOO_LARGE");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("f" + i, new byte[2000]);
        }
        var tooMuch = upload(owner, "", many);
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(413);
        assertThat(json(tooMuch).at("/error/message").asText()).contains("8192");
        try (var all = Files.list(projectDir)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly("link-out");
        }
    }

    @Test
    void aBodyStreamedWithoutLengthStopsBeingReadAtTheLimit() throws Exception {
        // 64 MiB of one part, sent chunked: refused once past 8 KiB, never read to its end.
        byte[] head = ("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long size = 64L * 1024 * 1024;
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent < head.length ? head[(int) sent++] : sent++ < size ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
        HttpResponse<String> response;
        try {
            response = upload(owner, "", HttpRequest.BodyPublishers.ofInputStream(() -> endless));
        } catch (IOException reset) {
            // The server may close the connection while the client is still sending: refused either way.
            response = null;
        }
        if (response != null) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        }
        assertThat(projectDir.resolve("huge.bin")).doesNotExist();
        // What Jetty held on disk while it read is gone with the request.
        try (var left = Files.list(folder.resolve("data/uploads"))) {
            assertThat(left).isEmpty();
        }
        assertThat(owner.get(files).statusCode()).as("the server still answers").isEqualTo(200);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + files + "/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + owner.token()
                            + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                            + "\r\nContent-Length: 1000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void tooManyFilesAreRefusedWith413() throws Exception {
        for (int count : List.of(6, 40)) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                parts.put("f" + i + ".txt", new byte[] {'x'});
            }
            var response = upload(owner, "", parts);
            assertThat(response.statusCode())
                    .as(count + " files: " + response.body())
                    .isEqualTo(413);
            assertThat(code(response)).isEqualTo("TOO_MANY_FILES");
        }
        assertThat(projectDir.resolve("f0.txt")).doesNotExist();
    }

    private Map<String, String> zip(String query) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + files + "/zip" + query))
                .header("Authorization", "Bearer " + owner.token())
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains(".zip");
        Map<String, String> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void aFolderDownloadsAsAZipWithoutWhatLinksLeadToOutsideAndALoopEnds() throws Exception {
        Path src = Files.createDirectories(projectDir.resolve("src/inner"));
        Files.writeString(src.resolve("a.txt"), "a");
        Files.createSymbolicLink(src.resolve("up"), Path.of("../.."));
        Files.createSymbolicLink(src.resolve("secret.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(src.resolve("alias.txt"), Path.of("a.txt"));
        assertThat(zip("?path=src"))
                .containsOnlyKeys("src/", "src/inner/", "src/inner/a.txt", "src/inner/alias.txt")
                .containsEntry("src/inner/alias.txt", "a");
        assertThat(zip("")).containsKey("proj/src/inner/a.txt").doesNotContainKey("proj/link-out/secret.txt");

        var out = owner.get(files + "/zip?path=link-out");
        assertThat(out.statusCode()).isEqualTo(403);
        assertThat(code(out)).isEqualTo("PATH_OUTSIDE_PROJECT");
        assertThat(owner.get(files + "/zip?path=..%2Foutside").statusCode()).isEqualTo(403);
        assertThat(owner.get(files + "/zip?path=src/inner/a.txt").statusCode()).isEqualTo(400);
        assertThat(owner.get(files + "/zip?path=nope").statusCode()).isEqualTo(404);

        Files.write(src.resolve("big.bin"), new byte[5000]);
        var tooLarge = owner.get(files + "/zip?path=src");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(code(tooLarge)).isEqualTo("ZIP_TOO_LARGE");
        assertThat(json(tooLarge).at("/error/message").asText()).contains("4096");
    }
}
