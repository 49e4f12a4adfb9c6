package dev.ccui.domain.project.create;

/**
 * How far a clone is, as git reports it on stderr with {@code --progress}: the phase git names
 * ({@code Receiving objects}, {@code Resolving deltas}, {@code Updating files}, …) and its count.
 */
public record CloneProgress(String phase, int percent, long done, long total) {}
