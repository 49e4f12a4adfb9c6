package dev.ccui.domain.run;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A document sent with a prompt, as the Messages API takes it: a PDF ({@value #PDF}, base64) or a
 * text file (always {@value #TEXT}: the only media type the API takes for a text source, whatever
 * the file was). {@code name} is the file's name, shown to the model as the document's title.
 *
 * <p>{@link #of} is the door for files from outside: it decides the kind from the name and the
 * declared type, and checks the bytes, because the CLI forwards whatever it is given (a zip posing
 * as a PDF reaches the API as is).
 */
public record DocumentAttachment(String name, String mediaType, String base64Data) implements Attachment {
    public static final String PDF = "application/pdf";
    public static final String TEXT = "text/plain";
    /** The same as an image: the {@code /ws} frame is sized for ten files of this. */
    public static final int MAX_PDF_BYTES = 5 * 1024 * 1024;
    /** About 250,000 tokens: more than a model's context holds, so larger is never useful. */
    public static final int MAX_TEXT_BYTES = 1024 * 1024;

    public static final int MAX_NAME_CHARS = 255;

    /** Declared media types taken as text (browsers give these for the common text formats). */
    public static final Set<String> TEXT_TYPES = Set.of(
            TEXT, "text/markdown", "text/x-markdown", "text/csv", "application/json", "text/tab-separated-values");

    /**
     * Extensions taken as text whatever the browser declared: for source files it declares nothing
     * or something wrong ({@code .ts} as {@code video/mp2t}, {@code .sh} as {@code application/x-sh}).
     */
    public static final Set<String> TEXT_EXTENSIONS = Set.of(
            "txt",
            "md",
            "markdown",
            "csv",
            "tsv",
            "json",
            "jsonl",
            "ndjson",
            "yaml",
            "yml",
            "toml",
            "xml",
            "html",
            "htm",
            "css",
            "scss",
            "less",
            "js",
            "mjs",
            "cjs",
            "jsx",
            "ts",
            "mts",
            "cts",
            "tsx",
            "vue",
            "svelte",
            "java",
            "kt",
            "kts",
            "scala",
            "groovy",
            "gradle",
            "py",
            "rb",
            "go",
            "rs",
            "c",
            "h",
            "cc",
            "cpp",
            "cxx",
            "hpp",
            "cs",
            "swift",
            "m",
            "php",
            "pl",
            "sh",
            "bash",
            "zsh",
            "fish",
            "ps1",
            "sql",
            "r",
            "lua",
            "dart",
            "ex",
            "exs",
            "erl",
            "hs",
            "clj",
            "ml",
            "properties",
            "ini",
            "cfg",
            "conf",
            "log",
            "diff",
            "patch",
            "tex",
            "rst",
            "adoc",
            "proto",
            "graphql",
            "gql",
            "tf",
            "hcl",
            "dockerfile",
            "mk",
            "cmake",
            "lock",
            "svg");

    /** Extension-less names of well-known text files. */
    public static final Set<String> TEXT_NAMES = Set.of(
            "dockerfile",
            "makefile",
            "readme",
            "license",
            "changelog",
            "gemfile",
            "rakefile",
            "procfile",
            "jenkinsfile");

    private static final String KINDS =
            "attachments must be PDFs or text files (text, Markdown, CSV, JSON or source code)";

    public DocumentAttachment {
        checkName(name);
        if (!PDF.equals(mediaType) && !TEXT.equals(mediaType)) {
            throw new InvalidException("attachments", KINDS);
        }
        Objects.requireNonNull(base64Data, "base64Data");
    }

    /**
     * A file from a client: a PDF when declared so or named {@code .pdf} (its bytes must start
     * with {@code %PDF-}), text when declared as a text type or named like a text file (its bytes
     * must be UTF-8 without NUL or other control characters but tab, line breaks, form feed and
     * escape), anything else refused. Sizes are checked before decoding.
     */
    public static DocumentAttachment of(String name, String declaredType, String base64Data) {
        checkName(name);
        if (base64Data == null) {
            throw new InvalidException("attachments", name + ": an attachment needs name and data");
        }
        String declared = declaredType == null ? "" : declaredType.strip().toLowerCase(Locale.ROOT);
        int semicolon = declared.indexOf(';');
        if (semicolon >= 0) {
            declared = declared.substring(0, semicolon).strip();
        }
        String extension = extension(name);
        if (PDF.equals(declared) || "pdf".equals(extension)) {
            byte[] bytes = decode(name, checkSize(name, base64Data, MAX_PDF_BYTES, "a PDF"));
            if (!startsWith(bytes, "%PDF-")) {
                throw new InvalidException("attachments", name + " is not a PDF (it does not start with %PDF-)");
            }
            return new DocumentAttachment(name, PDF, base64Data);
        }
        if (TEXT_TYPES.contains(declared)
                || TEXT_EXTENSIONS.contains(extension)
                || TEXT_NAMES.contains(name.toLowerCase(Locale.ROOT))
                || (declared.startsWith("text/") && extension.isEmpty())) {
            checkText(name, decode(name, checkSize(name, base64Data, MAX_TEXT_BYTES, "a text file")));
            return new DocumentAttachment(name, TEXT, base64Data);
        }
        throw new InvalidException("attachments", name + ": " + KINDS);
    }

    public boolean isPdf() {
        return PDF.equals(mediaType);
    }

    /** A text document's content (checked as UTF-8 by {@link #of}). */
    public String text() {
        return new String(Base64.getDecoder().decode(base64Data), StandardCharsets.UTF_8);
    }

    /**
     * A plain file name: it becomes the document's title for the model and a label in the UI,
     * never a path, so anything path-like or invisible is refused rather than cleaned.
     */
    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidException("attachments", "an attachment needs a file name");
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw new InvalidException(
                    "attachments", "an attachment's name has at most " + MAX_NAME_CHARS + " characters");
        }
        if (name.equals(".") || name.equals("..") || !name.strip().equals(name)) {
            throw new InvalidException("attachments", "an attachment's name must be a plain file name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new InvalidException(
                        "attachments",
                        "an attachment's name must be a plain file name (no path, no control characters)");
            }
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String checkSize(String name, String base64Data, int max, String what) {
        if (Attachment.decodedBytes(base64Data) > max) {
            throw new PayloadTooLargeException(
                    "ATTACHMENT_TOO_LARGE",
                    name + " is larger than " + (max / 1024 / 1024) + " MiB, the limit for " + what);
        }
        return base64Data;
    }

    private static byte[] decode(String name, String base64Data) {
        try {
            return Base64.getDecoder().decode(base64Data);
        } catch (IllegalArgumentException e) {
            throw new InvalidException("attachments", name + ": attachment data must be base64");
        }
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (bytes[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void checkText(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidException("attachments", name + " is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidException("attachments", name + " is not UTF-8 text");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Executables and archives that happen to decode are full of NUL and other controls.
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b || c == 0x7f) {
                throw new InvalidException("attachments", name + " is binary, not text");
            }
        }
    }
}
