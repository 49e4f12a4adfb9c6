package dev.ccui.adapters.process.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control group per sandbox, so a fork bomb or a memory hog hits its own ceiling and not the
 * app's. cgroup v2 (one hierarchy: {@code pids.max}, {@code memory.max}, {@code cpu.max}) where
 * the machine delegates it, else cgroup v1 (a {@code ccui} group in the pids, memory and cpu
 * hierarchies). The launcher moves itself into the groups before it starts bubblewrap, so every
 * process of the sandbox is counted. Empty groups of ended sandboxes are removed on the next start.
 */
final class Cgroups {
    private static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);
    private static final String PARENT = "ccui";

    enum Version {
        V1,
        V2,
        NONE
    }

    private final Path root;
    private final Version version;
    private final SandboxLimits limits;

    private Cgroups(Path root, Version version, SandboxLimits limits) {
        this.root = root;
        this.version = version;
        this.limits = limits;
    }

    /** Finds a writable hierarchy under {@code root} (normally {@code /sys/fs/cgroup}). */
    static Cgroups detect(Path root, SandboxLimits limits) {
        if (!limits.any()) {
            return new Cgroups(root, Version.NONE, limits);
        }
        if (Files.isRegularFile(root.resolve("cgroup.controllers")) && usable(root)) {
            try {
                Path parent = Files.createDirectories(root.resolve(PARENT));
                enable(root);
                enable(parent);
                return new Cgroups(root, Version.V2, limits);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cgroup v2 at {} cannot be used for sandbox limits: {}", root, e.getMessage());
            }
        }
        if (Files.isDirectory(root.resolve("pids")) && Files.isDirectory(root.resolve("memory"))) {
            try {
                for (String controller : List.of("pids", "memory", "cpu")) {
                    if (Files.isDirectory(root.resolve(controller))) {
                        Files.createDirectories(root.resolve(controller).resolve(PARENT));
                    }
                }
                return new Cgroups(root, Version.V1, limits);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cgroup v1 at {} cannot be used for sandbox limits: {}", root, e.getMessage());
            }
        }
        return new Cgroups(root, Version.NONE, limits);
    }

    private static boolean usable(Path root) {
        return Files.isWritable(root);
    }

    private static void enable(Path group) throws IOException {
        Path control = group.resolve("cgroup.subtree_control");
        String available = Files.readString(group.resolve("cgroup.controllers"));
        StringBuilder wanted = new StringBuilder();
        for (String controller : List.of("pids", "memory", "cpu")) {
            if (available.contains(controller)) {
                wanted.append(wanted.isEmpty() ? "" : " ").append('+').append(controller);
            }
        }
        Files.writeString(control, wanted.toString());
    }

    Version version() {
        return version;
    }

    /** Creates the groups for one sandbox with the limits set; returns the folders to join (empty: none). */
    List<Path> create() {
        if (version == Version.NONE) {
            return List.of();
        }
        sweep();
        String name = "s-" + UUID.randomUUID();
        List<Path> groups = new ArrayList<>();
        try {
            if (version == Version.V2) {
                Path group = Files.createDirectories(root.resolve(PARENT).resolve(name));
                if (limits.pids() > 0) {
                    write(group, "pids.max", Integer.toString(limits.pids()));
                }
                if (limits.memoryBytes() > 0) {
                    write(group, "memory.max", Long.toString(limits.memoryBytes()));
                    writeIfPresent(group, "memory.swap.max", "0");
                }
                if (limits.cpus() > 0) {
                    write(group, "cpu.max", Math.round(limits.cpus() * 100_000) + " 100000");
                }
                groups.add(group);
            } else {
                if (limits.pids() > 0) {
                    Path group = Files.createDirectories(
                            root.resolve("pids").resolve(PARENT).resolve(name));
                    write(group, "pids.max", Integer.toString(limits.pids()));
                    groups.add(group);
                }
                if (limits.memoryBytes() > 0) {
                    Path group = Files.createDirectories(
                            root.resolve("memory").resolve(PARENT).resolve(name));
                    write(group, "memory.limit_in_bytes", Long.toString(limits.memoryBytes()));
                    groups.add(group);
                }
                if (limits.cpus() > 0 && Files.isDirectory(root.resolve("cpu"))) {
                    Path group = Files.createDirectories(
                            root.resolve("cpu").resolve(PARENT).resolve(name));
                    write(group, "cpu.cfs_period_us", "100000");
                    write(group, "cpu.cfs_quota_us", Long.toString(Math.round(limits.cpus() * 100_000)));
                    groups.add(group);
                }
            }
        } catch (IOException e) {
            // The namespaces and mounts still hold; only this sandbox's limits are missing, which is logged.
            LOG.warn("the limits of a sandbox could not be set ({}): it runs without them", e.getMessage());
            return List.of();
        }
        return groups;
    }

    private static void write(Path group, String file, String value) throws IOException {
        Files.writeString(group.resolve(file), value);
    }

    private static void writeIfPresent(Path group, String file, String value) {
        try {
            if (Files.exists(group.resolve(file))) {
                Files.writeString(group.resolve(file), value);
            }
        } catch (IOException ignored) {
            // A machine without swap accounting: the memory limit alone holds.
        }
    }

    /** Removes the groups of sandboxes that ended (a group with processes in it cannot be removed). */
    private void sweep() {
        List<Path> parents = version == Version.V2
                ? List.of(root.resolve(PARENT))
                : List.of(
                        root.resolve("pids").resolve(PARENT),
                        root.resolve("memory").resolve(PARENT),
                        root.resolve("cpu").resolve(PARENT));
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> groups = Files.newDirectoryStream(parent, "s-*")) {
                for (Path group : groups) {
                    // A group made in the last minute may belong to a sandbox that has not joined it yet
                    // (this app's or another on the same machine).
                    if (empty(group) && olderThanAMinute(group)) {
                        try {
                            Files.delete(group);
                        } catch (IOException busy) {
                            // Still in use, or not a real cgroup folder: left for the next sweep.
                        }
                    }
                }
            } catch (IOException ignored) {
                // Nothing to sweep.
            }
        }
    }

    private static boolean olderThanAMinute(Path group) {
        try {
            return Files.getLastModifiedTime(group)
                    .toInstant()
                    .isBefore(Instant.now().minusSeconds(60));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean empty(Path group) {
        try {
            return Files.readString(group.resolve("cgroup.procs")).isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
