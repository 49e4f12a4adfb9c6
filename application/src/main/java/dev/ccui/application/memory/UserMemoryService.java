package dev.ccui.application.memory;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.memory.port.in.UserMemory;
import dev.ccui.application.memory.port.in.UserMemoryUseCase;
import dev.ccui.application.memory.port.out.UserMemoryFiles;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The caller's own memory file, read and saved against the sha it was read with, every save audited. */
public final class UserMemoryService implements UserMemoryUseCase {
    /** A memory file is read into every prompt: far smaller than this in practice. */
    static final int MAX_BYTES = 256 * 1024;

    private final UserMemoryFiles files;
    private final Auditor auditor;
    private final boolean inEffect;

    /** @param inEffect whether runs read the per-account file (the sandbox is on) */
    public UserMemoryService(UserMemoryFiles files, Auditor auditor, boolean inEffect) {
        this.files = files;
        this.auditor = auditor;
        this.inEffect = inEffect;
    }

    @Override
    public UserMemory read(Principal caller) {
        Optional<byte[]> bytes = files.read(caller.userId());
        String content = bytes.map(UserMemoryService::text).orElse("");
        return new UserMemory(content, sha256(bytes.orElse(new byte[0])), bytes.isPresent(), inEffect);
    }

    @Override
    public synchronized String write(Principal caller, String content, String baseSha, ClientInfo client) {
        if (content == null) {
            throw new InvalidException("content", "content is required");
        }
        if (baseSha != null && !baseSha.matches("[0-9a-f]{64}")) {
            throw new InvalidException("baseSha", "baseSha must be the SHA-256 (hex) the content was read with");
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new PayloadTooLargeException("the memory file may hold at most " + MAX_BYTES + " bytes");
        }
        if (baseSha != null) {
            String current = sha256(files.read(caller.userId()).orElse(new byte[0]));
            if (!current.equals(baseSha)) {
                throw new ConflictException(
                        "FILE_CHANGED", "your CLAUDE.md changed since it was read: reload it, then apply your changes");
            }
        }
        files.write(caller.userId(), bytes);
        auditor.record(AuditAction.USER_MEMORY_WRITTEN, caller, "CLAUDE.md", client, true, bytes.length + " bytes");
        return sha256(bytes);
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConflictException("NOT_UTF8", "your CLAUDE.md is not UTF-8 text: fix it in a terminal");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
