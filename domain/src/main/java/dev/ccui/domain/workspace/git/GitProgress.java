package dev.ccui.domain.workspace.git;

/**
 * How far a clone, fetch, pull or push is, as git reports it on stderr with {@code --progress}: the
 * phase git names ({@code Counting objects}, {@code Writing objects}, {@code Receiving objects},
 * {@code Resolving deltas}, {@code Updating files}, …) and its count.
 */
public record GitProgress(String phase, int percent, long done, long total) {}
