package dev.ccui.application.history.port.out;

/** The bytes of an image block of a transcript, decoded from its base64. */
public record ImageData(String mediaType, byte[] bytes) {
}
