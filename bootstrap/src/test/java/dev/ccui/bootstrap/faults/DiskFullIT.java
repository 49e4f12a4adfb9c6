package dev.ccui.bootstrap.faults;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data dir on a small tmpfs filled to the last byte: writes are refused with a clear JSON
 * answer (never a 500), reads go on, and once space returns writes work again on a database that
 * passes SQLite's integrity check with every acknowledged write in it.
 */
@Timeout(120)
class DiskFullIT {
    @TempDir
    Path folder;

    @Test
    void aFullDiskRefusesWritesCleanlyAndNothingIsCorruptWhenSpaceReturns() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        String mounted = mountTmpfs(data, "24m");
        Assumptions.assumeTrue(
                mounted == null,
                () -> "SKIPPED: cannot mount a small tmpfs for the data dir here (" + mounted
                        + "); the disk-full test needs root or CAP_SYS_ADMIN");
        try {
            List<String> acknowledged = new ArrayList<>();
            try (TestApplication app = TestApplication.sqlite(folder, Map.of("CCUI_DATA_DIR", data.toString()))) {
                ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
                for (int i = 0; i < 20; i++) {
                    assertThat(admin.post("/api/api-keys", "{\"name\":\"before-" + i + "\"}")
                                    .statusCode())
                            .isEqualTo(201);
                    acknowledged.add("before-" + i);
                }

                Path filler = fill(data);
                List<Integer> statuses = new ArrayList<>();
                String refusal = null;
                for (int i = 0; i < 300 && refusal == null; i++) {
                    var response = admin.post("/api/api-keys", "{\"name\":\"full-" + i + "\"}");
                    statuses.add(response.statusCode());
                    assertThat(response.statusCode()).as(response.body()).isIn(201, 503, 507);
                    if (response.statusCode() == 201) {
                        acknowledged.add("full-" + i);
                    } else {
                        refusal = response.body();
                    }
                }
                assertThat(refusal).as("a refusal among " + statuses).isNotNull();
                assertThat(json(refusal).path("error").path("code").asText()).isEqualTo("STORAGE_FULL");
                assertThat(admin.get("/api/api-keys").statusCode())
                        .as("reads go on")
                        .isEqualTo(200);

                Files.delete(filler);
                var after = admin.post("/api/api-keys", "{\"name\":\"after\"}");
                assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
                acknowledged.add("after");
                List<String> keys = json(admin.get("/api/api-keys"))
                        .valueStream()
                        .map(k -> k.path("name").asText())
                        .toList();
                assertThat(keys).containsAll(acknowledged);
            }
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ccui.db"));
                    var check = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertThat(check.next()).isTrue();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
        } finally {
            run(List.of("umount", "-l", data.toString()));
        }
    }

    /** Writes a file until the volume is full; returns it. */
    private static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler");
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).containsIgnoringCase("space");
        }
        // The last bytes a 64 KiB write could not take.
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            // Full to the byte.
        }
        return filler;
    }

    /** Null when mounted, else why not. */
    private static String mountTmpfs(Path dir, String size) throws InterruptedException {
        return run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString()));
    }

    private static String run(List<String> command) throws InterruptedException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return String.join(" ", command) + ": " + output.strip();
            }
            return null;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
    }
}
