package dev.ccui.application.project.port.in;

import dev.ccui.domain.user.UserId;
import java.util.List;

/**
 * Who has access to a project, by name: what its members see so they know who else works there, and what its
 * owner edits. {@code owner} is null for a project nobody owns (indexed before setup: admins only).
 *
 * @param canShare whether the caller may add and remove members (the owner or an admin)
 */
public record ProjectPeople(Person owner, List<Person> members, boolean canShare) {
    public record Person(UserId id, String username) {}

    public ProjectPeople {
        members = List.copyOf(members);
    }
}
