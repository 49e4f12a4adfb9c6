package dev.ccui.application.workspace.git.port.out;

import java.util.Objects;

/** Who a commit is by (author and committer). */
public record GitAuthor(String name, String email) {
    public GitAuthor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
