package dev.ccui.application.run.port.in;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.permission.ToolRule;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.DocumentAttachment;
import dev.ccui.domain.run.ImageAttachment;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.session.SessionId;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A prompt to run.
 *
 * @param sessionId       {@code null} starts a new session; otherwise the session to continue
 * @param clientMessageId the caller's id of this prompt: sending it again returns the same run
 * @param effort          the CLI's {@code --effort} for this turn ({@link #EFFORTS}); {@code null}: the session's or the CLI's
 * @param attachments     images and documents, in the order they come before the prompt's text
 * @param forkFrom        start a new session from this one's history ({@code sessionId} must then be {@code null})
 */
public record StartRunCommand(
        ProjectId projectId,
        SessionId sessionId,
        String prompt,
        List<Attachment> attachments,
        String model,
        PermissionMode permissionMode,
        List<String> allowedTools,
        String clientMessageId,
        String effort,
        SessionId forkFrom) {
    public static final int MAX_PROMPT_CHARS = 200_000;
    /** Images and documents together (a request of ten images, the limit before documents, still fits). */
    public static final int MAX_ATTACHMENTS = 10;

    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    public static final int MAX_TOOLS = 64;
    /** The CLI's {@code --effort} levels (2.1.328 {@code --help}); anything else never reaches it. */
    public static final List<String> EFFORTS = List.of("low", "medium", "high", "xhigh", "max");

    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\[\\]-]{0,99}");

    public StartRunCommand {
        if (projectId == null) {
            throw new InvalidException("projectId", "projectId is required");
        }
        checkPrompt(prompt);
        if (clientMessageId == null || clientMessageId.isBlank() || clientMessageId.length() > 128) {
            throw new InvalidException("clientMessageId", "clientMessageId is required (at most 128 characters)");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        checkAttachments(attachments);
        allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
        if (allowedTools.size() > MAX_TOOLS) {
            throw new InvalidException("allowedTools", "at most " + MAX_TOOLS + " tools");
        }
        for (String tool : allowedTools) {
            // They become arguments of the CLI: "--dangerously-skip-permissions" as a "tool" would be a flag.
            if (!ToolRule.isValid(tool)) {
                throw new InvalidException(
                        "allowedTools",
                        "a tool is a name such as Read, Bash(git diff:*) or mcp__server__tool (at most 200 characters)");
            }
        }
        model = checkModel(model);
        effort = checkEffort(effort);
        if (forkFrom != null && sessionId != null) {
            throw new InvalidException("forkFrom", "a fork starts a new session: give forkFrom or sessionId, not both");
        }
    }

    /** A prompt without a chosen effort (the session's, or the CLI's default). */
    public StartRunCommand(
            ProjectId projectId,
            SessionId sessionId,
            String prompt,
            List<Attachment> attachments,
            String model,
            PermissionMode permissionMode,
            List<String> allowedTools,
            String clientMessageId) {
        this(
                projectId,
                sessionId,
                prompt,
                attachments,
                model,
                permissionMode,
                allowedTools,
                clientMessageId,
                null,
                null);
    }

    /**
     * The limits of a prompt's files, the same whether it comes over REST or {@code /ws} (whose
     * frame is sized for them): at most {@value #MAX_ATTACHMENTS}, images of at most 5 MiB, PDFs
     * of at most 5 MiB, text files of at most 1 MiB.
     */
    private static void checkAttachments(List<Attachment> attachments) {
        boolean documents = attachments.stream().anyMatch(DocumentAttachment.class::isInstance);
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw documents
                    ? new InvalidException("attachments", "at most " + MAX_ATTACHMENTS + " images and files together")
                    : new InvalidException("images", "at most " + MAX_ATTACHMENTS + " images");
        }
        for (Attachment attachment : attachments) {
            switch (attachment) {
                case ImageAttachment image -> checkImage(image);
                case DocumentAttachment document -> {
                    int max = document.isPdf() ? DocumentAttachment.MAX_PDF_BYTES : DocumentAttachment.MAX_TEXT_BYTES;
                    if (document.decodedBytes() > max) {
                        throw new PayloadTooLargeException(
                                "ATTACHMENT_TOO_LARGE",
                                document.name() + " is larger than " + (max / 1024 / 1024) + " MiB");
                    }
                }
            }
        }
    }

    private static void checkImage(ImageAttachment image) {
        if (image.decodedBytes() > MAX_IMAGE_BYTES) {
            throw new InvalidException("images", "an image is larger than 5 MiB");
        }
        try {
            Base64.getDecoder().decode(image.base64Data());
        } catch (IllegalArgumentException e) {
            throw new InvalidException("images", "image data must be base64");
        }
    }

    public static void checkPrompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidException("prompt", "prompt is required");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new InvalidException("prompt", "prompt is longer than " + MAX_PROMPT_CHARS + " characters");
        }
    }

    /** A model name, or {@code null} for none (blank counts as none). */
    public static String checkModel(String model) {
        if (model == null || model.isBlank()) {
            return null;
        }
        if (!MODEL.matcher(model).matches()) {
            throw new InvalidException(
                    "model", "a model is a name such as sonnet or claude-sonnet-4-5 (letters, digits, . _ : - [ ])");
        }
        return model;
    }

    /** One of {@link #EFFORTS}, or {@code null} for none (blank counts as none). */
    public static String checkEffort(String effort) {
        if (effort == null || effort.isBlank()) {
            return null;
        }
        if (!EFFORTS.contains(effort)) {
            throw new InvalidException("effort", "effort is one of " + String.join(", ", EFFORTS));
        }
        return effort;
    }
}
