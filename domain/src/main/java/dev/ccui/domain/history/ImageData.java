package dev.ccui.domain.history;

/** The bytes of an image block of a transcript, decoded from its base64. */
public record ImageData(String mediaType, byte[] bytes) {}
