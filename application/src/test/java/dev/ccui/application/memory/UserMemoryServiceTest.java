package dev.ccui.application.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.memory.port.out.UserMemoryFiles;
import dev.ccui.application.workspace.WorkspaceFixture;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Each account's own CLAUDE.md, on an in-memory store. */
class UserMemoryServiceTest {
    private final WorkspaceFixture fixture = new WorkspaceFixture();
    private final Map<UserId, byte[]> stored = new ConcurrentHashMap<>();
    private final UserMemoryFiles files = new UserMemoryFiles() {
        @Override
        public Optional<byte[]> read(UserId user) {
            return Optional.ofNullable(stored.get(user));
        }

        @Override
        public void write(UserId user, byte[] content) {
            stored.put(user, content.clone());
        }
    };
    private final UserMemoryService memory = new UserMemoryService(files, fixture.auditor, true);

    @Test
    void eachAccountReadsAndWritesOnlyItsOwnFile() {
        var empty = memory.read(fixture.owner);
        assertThat(empty.exists()).isFalse();
        assertThat(empty.content()).isEmpty();
        assertThat(empty.inEffect()).isTrue();
        memory.write(fixture.owner, "# mine\n", empty.sha(), ClientInfo.INTERNAL);
        memory.write(fixture.admin, "# the admin's\n", null, ClientInfo.INTERNAL);
        assertThat(memory.read(fixture.owner).content()).isEqualTo("# mine\n");
        assertThat(memory.read(fixture.member).exists()).isFalse();
        assertThat(memory.read(fixture.admin).content()).isEqualTo("# the admin's\n");
        assertThat(fixture.audited())
                .extracting(AuditEntry::action, AuditEntry::actorUsername)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.USER_MEMORY_WRITTEN, "owner"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.USER_MEMORY_WRITTEN, "admin"));
    }

    @Test
    void aSaveFromAStaleReadIsRefusedAndTheNewerTextStays() {
        String first = memory.read(fixture.owner).sha();
        memory.write(fixture.owner, "from tab one", first, ClientInfo.INTERNAL);
        assertThatThrownBy(() -> memory.write(fixture.owner, "from tab two", first, ClientInfo.INTERNAL))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("FILE_CHANGED"));
        assertThat(memory.read(fixture.owner).content()).isEqualTo("from tab one");
    }

    @Test
    void badInputIsRefusedBeforeTheStore() {
        assertThatThrownBy(() -> memory.write(fixture.owner, null, null, ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> memory.write(fixture.owner, "x", "not-a-sha", ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> memory.write(
                        fixture.owner, "x".repeat(UserMemoryService.MAX_BYTES + 1), null, ClientInfo.INTERNAL))
                .isInstanceOf(PayloadTooLargeException.class);
        stored.put(fixture.member.userId(), new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> memory.read(fixture.member))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("NOT_UTF8"));
        assertThat(stored).doesNotContainKey(fixture.owner.userId());
        assertThat(new String(stored.get(fixture.member.userId()), StandardCharsets.ISO_8859_1))
                .hasSize(2);
    }

    @Test
    void withoutTheSandboxTheFileIsSaidNotToBeInEffect() {
        assertThat(new UserMemoryService(files, fixture.auditor, false)
                        .read(fixture.owner)
                        .inEffect())
                .isFalse();
    }
}
