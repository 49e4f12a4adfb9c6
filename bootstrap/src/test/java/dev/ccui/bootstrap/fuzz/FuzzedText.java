package dev.ccui.bootstrap.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.charset.StandardCharsets;

/** What the fuzzer gives, as the text a client can send: a body or a WebSocket text frame. */
final class FuzzedText {
    private FuzzedText() {}

    /**
     * The remaining bytes through UTF-8 and back: a lone surrogate is not text a WebSocket client can
     * send at all, so it comes out as the replacement character, as any client would send it.
     */
    static String of(FuzzedDataProvider data) {
        return new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    }
}
