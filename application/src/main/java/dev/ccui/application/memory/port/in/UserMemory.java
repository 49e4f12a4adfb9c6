package dev.ccui.application.memory.port.in;

/**
 * The caller's own memory file ({@code CLAUDE.md} of their CLI configuration, read by every run
 * they start in any project).
 *
 * @param content  its text (empty when there is none yet)
 * @param sha      SHA-256 (hex) of the content, to save against
 * @param exists   whether the file is there
 * @param inEffect whether runs read this file: with the sandbox; without it the CLI reads the
 *                 machine user's own {@code ~/.claude/CLAUDE.md}, which the app does not touch
 */
public record UserMemory(String content, String sha, boolean exists, boolean inEffect) {}
