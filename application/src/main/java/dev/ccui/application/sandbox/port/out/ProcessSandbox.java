package dev.ccui.application.sandbox.port.out;

import java.util.Map;

/**
 * Where the processes the app starts for a user run: the Claude CLI, the web shell and git all
 * go through this port, so what such a process can see and reach is decided in one place.
 *
 * <p>The shape is a command in, a command out: an adapter may confine the process on this
 * machine (bubblewrap: namespaces and bind mounts), or hand it to a runner elsewhere (one
 * container or Kubernetes pod per user, with {@code docker exec}/{@code kubectl exec} as the
 * command), without the use cases knowing which.
 */
public interface ProcessSandbox {

    /** What health shows: {@code bwrap}, {@code none}, or another adapter's name. */
    String mode();

    /** {@code true} when a process cannot see the app, its data or other users' work. */
    boolean isolates();

    /** Facts for {@code checks.sandbox} (network mode, limits); no secrets. */
    Map<String, Object> details();

    /** The command (and environment and folder) that runs {@code request} confined. */
    SandboxedCommand prepare(SandboxRequest request);
}
