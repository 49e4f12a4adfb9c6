package dev.ccui.application.history.port.out;

/** Where one JSON line of a transcript is: its byte offset and length (without the newline). */
public record LineRef(String file, long offset, int length) {}
