package dev.ccui.bootstrap.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Drops files from the kernel's page cache with Debian's {@code vmtouch -e}
 * ({@code posix_fadvise(DONTNEED)}), so a cold start reads them from disk. Unlike
 * {@code drop_caches} it touches only these files: the other work on a shared machine keeps its cache.
 */
final class PageCache {
    private PageCache() {}

    /**
     * Writes out {@code written} (dirty pages are not dropped, and a freshly generated corpus has
     * many), then evicts them and every file under {@code roots}. Returns vmtouch's summary.
     */
    static String evict(String vmtouch, Collection<Path> written, List<Path> roots)
            throws IOException, InterruptedException {
        for (Path file : written) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(false);
            }
        }
        List<String> command = new ArrayList<>(List.of(vmtouch, "-e"));
        roots.forEach(p -> command.add(p.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "not dropped from the page cache (no " + vmtouch + ": apt-get install vmtouch)";
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("vmtouch failed: " + out);
        }
        return out.lines()
                .filter(l -> l.contains("Evicted Pages") || l.contains("Files:"))
                .map(String::trim)
                .reduce((a, b) -> a + ", " + b)
                .orElse(out.trim());
    }
}
