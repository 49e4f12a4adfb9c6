package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One application under test: how to start it on loopback, sign in, and read its listing. */
sealed interface App permits OursApp, ReferenceApp {
    /** The column it fills: {@code ours (SQLite)}, {@code ours (PostgreSQL)} or {@code reference}. */
    String label();

    /** Public, unauthenticated health path. */
    String healthPath();

    /** Starts it on {@code port}; {@code fresh}: without any state of an earlier start (no index, no accounts). */
    Process start(int port, boolean fresh) throws IOException;

    /** Its own code on disk (files or folders), dropped from the page cache with the corpus before a cold start. */
    List<Path> codeFiles();

    /** Creates the first account on a fresh start and returns its bearer token. */
    String firstToken(Http http);

    /** Session counts by project working directory, as the listing {@code GET /api/projects} shows them. */
    Map<String, Long> counts(JsonNode listing);

    /** Whether it keeps an index of the transcripts (with progress in its health). */
    boolean indexes();

    /** Its processes for CPU accounting: itself, its children and, for PostgreSQL, its database backends. */
    List<Long> pids(Process process);
}
