package dev.ccui.adapters.process.transcript;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index needs from one transcript record, streamed out of it: tool inputs, tool
 * outputs, thinking and {@code toolUseResult} copies (the bulk of a transcript) are skipped
 * token by token without ever becoming strings. Fields may come in any order.
 */
final class RecordFacts {
    String type;
    String uuid;
    String sessionId;
    String cwd;
    String gitBranch;
    String timestamp;
    boolean meta;
    boolean sidechain;
    String customTitle;
    String aiTitle;
    String summary;
    String lastPrompt;
    Long startTime;
    Double totalCostUsd;
    String messageId;
    String model;
    boolean hasUsage;
    long inputTokens;
    long outputTokens;
    /** {@code message.content} when it is a string (only when texts are captured). */
    String contentText;
    /** The {@code type} of each block when {@code message.content} is a list ({@code "?"} when missing). */
    final List<String> blockTypes = new ArrayList<>(2);
    /** The text of each {@code text} block, in order (only when texts are captured). */
    final List<String> texts = new ArrayList<>(2);

    /**
     * Reads one JSON value from the parser. Null when it is not an object or is followed by more
     * content; parse errors are thrown to the caller, which counts the line as bad.
     *
     * @param captureTexts false for lines too large to keep: only the scalar facts are read
     */
    static RecordFacts scan(JsonParser parser, boolean captureTexts) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        RecordFacts facts = new RecordFacts();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "type" -> facts.type = string(parser);
                case "uuid" -> facts.uuid = string(parser);
                case "sessionId" -> facts.sessionId = string(parser);
                case "cwd" -> facts.cwd = string(parser);
                case "gitBranch" -> facts.gitBranch = string(parser);
                case "timestamp" -> facts.timestamp = string(parser);
                case "isMeta" -> facts.meta = parser.currentToken() == JsonToken.VALUE_TRUE;
                case "isSidechain" -> facts.sidechain = parser.currentToken() == JsonToken.VALUE_TRUE;
                case "customTitle" -> facts.customTitle = string(parser);
                case "aiTitle" -> facts.aiTitle = string(parser);
                case "summary" -> facts.summary = string(parser);
                case "lastPrompt" -> facts.lastPrompt = string(parser);
                case "startTime" -> facts.startTime = integer(parser);
                case "totalCostUSD" -> facts.totalCostUsd = decimal(parser);
                case "message" -> facts.message(parser, captureTexts);
                default -> parser.skipChildren();
            }
        }
        return parser.nextToken() == null ? facts : null;
    }

    private void message(JsonParser parser, boolean captureTexts) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "id" -> messageId = string(parser);
                case "model" -> model = string(parser);
                case "usage" -> usage(parser);
                case "content" -> content(parser, captureTexts);
                default -> parser.skipChildren();
            }
        }
    }

    private void usage(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        hasUsage = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens" ->
                    inputTokens = Records.add(inputTokens, tokens(parser));
                case "output_tokens" -> outputTokens = Records.add(outputTokens, tokens(parser));
                default -> parser.skipChildren();
            }
        }
    }

    private void content(JsonParser parser, boolean captureTexts) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            contentText = captureTexts ? parser.getText() : null;
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String blockType = null;
            String text = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("type")) {
                    blockType = string(parser);
                } else if (name.equals("text") && captureTexts) {
                    text = string(parser);
                } else {
                    parser.skipChildren();
                }
            }
            blockTypes.add(blockType == null ? "?" : blockType);
            if ("text".equals(blockType) && text != null) {
                texts.add(text);
            }
        }
    }

    private static String string(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    private static Long integer(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        parser.skipChildren();
        return null;
    }

    private static Double decimal(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            double value = parser.getDoubleValue();
            return Double.isFinite(value) ? value : null;
        }
        parser.skipChildren();
        return null;
    }

    /** Token counts from another program: anything but a non-negative whole number counts as none. */
    private static long tokens(JsonParser parser) throws IOException {
        Long value = integer(parser);
        return value == null || value < 0 ? 0 : value;
    }

    boolean isUser() {
        return "user".equals(type);
    }

    boolean isAssistant() {
        return "assistant".equals(type);
    }
}
