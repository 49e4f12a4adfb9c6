package dev.ccui.adapters.http.run;

import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.domain.run.DocumentAttachment;

/**
 * How large a prompt with its files may be on the wire: one limit for a {@code POST /api/runs} body
 * and a {@code /ws} frame, so that whatever one transport takes the other takes too.
 */
public final class SendLimits {
    /**
     * The documented {@code send} payload: the longest prompt and 10 files of 5 MiB (images or PDFs;
     * text files are smaller), base64-encoded, with their names (escaped, 6 characters at worst per
     * character), plus room for the JSON around them. Characters of a frame, bytes of a body: JSON
     * escapes are ASCII, and UTF-8 takes at most 3 bytes for a character (4 for a pair of two).
     */
    public static final int MAX_CHARS = StartRunCommand.MAX_ATTACHMENTS
                    * (StartRunCommand.MAX_IMAGE_BYTES / 3 * 4 + 8 + DocumentAttachment.MAX_NAME_CHARS * 6)
            + StartRunCommand.MAX_PROMPT_CHARS * 6
            + 64 * 1024;

    /** What the limit is sized for, in the refusals of both transports. */
    public static final String SIZED_FOR = "10 files of 5 MiB and a prompt";

    private SendLimits() {}
}
