package dev.ccui.domain.workspace.files;

import java.io.InputStream;

/** The bytes of a file for a download; close the stream. */
public record FileDownload(String name, long size, String mediaType, InputStream stream) {}
