package dev.ccui.adapters.process.transcript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a synthetic {@code projects/} tree in the shape claude 2.1.x writes (see the fixtures):
 * prompts, assistant messages split into one line per content block with repeated usage, tool
 * uses (Bash, Read, Edit, Write) with results of varied size and their {@code toolUseResult}
 * copies, thinking, attachments, titles, last prompts, cost states, a few subagent files. The
 * {@link Shape} says how the bytes spread over the sessions. The same seed gives the same bytes.
 *
 * <p>Usage: {@code CorpusGenerator <config dir> <projects> <sessions> <total bytes> <seed> [mixed|even]}
 * (the files go to {@code <config dir>/projects/}).
 */
public final class CorpusGenerator {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String VERSION = "2.1.328";
    private static final long LARGE_MIN = 10L << 20;
    private static final long LARGE_MAX = 50L << 20;
    private static final String[] WORDS = ("the build test fails because parser config module service handler request "
                    + "response cache index session project file line error warning value null list map stream thread lock "
                    + "timeout retry user token model prompt output input result commit branch merge diff patch update fix add "
                    + "remove rename refactor check run deploy docker compose maven gradle java kotlin python node react css "
                    + "html query database table column row migration schema api endpoint route controller view template")
            .split(" ");
    private static final String[] TOOLS = {"Bash", "Read", "Edit", "Write", "Grep"};

    /** How the bytes spread over the sessions. */
    public enum Shape {
        /** Many small sessions (log-normal sizes) and, when the budget allows, some of 10–50 MB. */
        MIXED,
        /** Every session within a quarter of the mean size: a machine of many working days, none huge. */
        EVEN
    }

    /** What was written, to check a reader against. */
    public record Stats(int files, long bytes, long messageLines, long inputTokens, long outputTokens) {
        Stats plus(Stats other) {
            return new Stats(
                    files + other.files,
                    bytes + other.bytes,
                    messageLines + other.messageLines,
                    inputTokens + other.inputTokens,
                    outputTokens + other.outputTokens);
        }
    }

    private final Random random;
    /** Pre-made text that outputs are cut from, so large sessions are quick to write. */
    private final String pool;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
        StringBuilder text = new StringBuilder(1 << 20);
        while (text.length() < 1 << 20) {
            text.append(sentence(4 + random.nextInt(12)));
            text.append(random.nextInt(6) == 0 ? "\n" : " ");
        }
        this.pool = text.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5 && args.length != 6) {
            System.err.println(
                    "usage: CorpusGenerator <config dir> <projects> <sessions> <total bytes> <seed> [mixed|even]");
            System.exit(2);
        }
        Shape shape = args.length == 6 ? Shape.valueOf(args[5].toUpperCase(Locale.ROOT)) : Shape.MIXED;
        long start = System.nanoTime();
        Stats stats = new CorpusGenerator(Long.parseLong(args[4]))
                .generate(
                        Path.of(args[0]),
                        Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]),
                        Long.parseLong(args[3]),
                        shape);
        System.out.printf(
                "wrote %d files, %d bytes, %d message lines in %d ms%n",
                stats.files(), stats.bytes(), stats.messageLines(), (System.nanoTime() - start) / 1_000_000);
    }

    public Stats generate(Path configDir, int projects, int sessions, long totalBytes) throws IOException {
        return generate(configDir, projects, sessions, totalBytes, Shape.MIXED);
    }

    public Stats generate(Path configDir, int projects, int sessions, long totalBytes, Shape shape) throws IOException {
        List<Long> sizes = shape == Shape.EVEN ? evenSizes(sessions, totalBytes) : sessionSizes(sessions, totalBytes);
        Stats total = new Stats(0, 0, 0, 0, 0);
        for (int i = 0; i < sessions; i++) {
            int project = i % Math.max(1, projects);
            String cwd = project % 7 == 3 ? "/home/dev/my_app.v" + project : "/home/dev/work/project-" + project;
            Path folder = configDir.resolve("projects").resolve(encode(cwd));
            String sessionId = uuid();
            Instant start = Instant.parse("2026-01-01T08:00:00Z").plusSeconds(i * 3_600L + random.nextInt(3_000));
            total = total.plus(
                    writeSession(folder.resolve(sessionId + ".jsonl"), sessionId, cwd, start, sizes.get(i), false));
            if (random.nextInt(20) == 0) {
                Path agent = folder.resolve(sessionId)
                        .resolve("subagents")
                        .resolve("agent-" + uuid().substring(0, 8) + ".jsonl");
                total = total.plus(writeSession(
                        agent, sessionId, cwd, start.plusSeconds(30), 20_000 + random.nextInt(200_000), true));
            }
        }
        return total;
    }

    /** Many small sessions and, when the budget allows, some large ones; the sum is about {@code totalBytes}. */
    private List<Long> sessionSizes(int sessions, long totalBytes) {
        List<Long> sizes = new ArrayList<>(sessions);
        long budget = totalBytes;
        int large = (int) Math.min(sessions / 10, totalBytes / 2 / ((LARGE_MIN + LARGE_MAX) / 2));
        for (int i = 0; i < large; i++) {
            long size = LARGE_MIN + (long) (random.nextDouble() * (LARGE_MAX - LARGE_MIN));
            sizes.add(size);
            budget -= size;
        }
        double[] weights = new double[sessions - large];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 1.2);
            sum += weights[i];
        }
        for (double weight : weights) {
            sizes.add(Math.max(2_000, (long) (Math.max(budget, 0) * weight / sum)));
        }
        Collections.shuffle(sizes, random);
        return sizes;
    }

    /** Sizes spread evenly over 0.75–1.25 × the mean; the sum is about {@code totalBytes}. */
    private List<Long> evenSizes(int sessions, long totalBytes) {
        long mean = totalBytes / Math.max(1, sessions);
        List<Long> sizes = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            sizes.add(Math.max(2_000, (long) (mean * (0.75 + random.nextDouble() / 2))));
        }
        return sizes;
    }

    /** Every character but ASCII letters and digits becomes {@code -} (paths here stay under 200 characters). */
    static String encode(String cwd) {
        return cwd.replaceAll("[^A-Za-z0-9]", "-");
    }

    /** Writes turns until the file holds about {@code targetBytes}. */
    public Stats writeSession(
            Path file, String sessionId, String cwd, Instant start, long targetBytes, boolean sidechain)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Session session = new Session(out, sessionId, cwd, start, sidechain, targetBytes);
            session.queue();
            while (session.bytes() < targetBytes) {
                session.turn();
            }
            out.flush();
            return new Stats(1, session.bytes(), session.messageLines, session.inputTokens, session.outputTokens);
        }
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String sentence(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** A piece of the pool of about {@code length} chars (repeated for lengths above the pool). */
    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int from = random.nextInt(pool.length() / 2);
            text.append(pool, from, Math.min(pool.length(), from + length - text.length()));
        }
        return text.toString();
    }

    /** Tool output sizes: mostly small, sometimes tens of KiB, rarely a MiB. */
    private int outputSize() {
        int roll = random.nextInt(1000);
        if (roll < 700) {
            return 20 + random.nextInt(2_000);
        }
        if (roll < 970) {
            return 2_000 + random.nextInt(30_000);
        }
        if (roll < 998) {
            return 30_000 + random.nextInt(200_000);
        }
        return 500_000 + random.nextInt(1_000_000);
    }

    private final class Session {
        private final CountingOutputStream out;
        private final String sessionId;
        private final String cwd;
        private final boolean sidechain;
        private final long startTime;
        private final long targetBytes;
        private Instant now;
        private String parent;
        private int turns;
        private double cost;
        long messageLines;
        long inputTokens;
        long outputTokens;

        Session(OutputStream out, String sessionId, String cwd, Instant start, boolean sidechain, long targetBytes) {
            this.targetBytes = targetBytes;
            this.out = new CountingOutputStream(out);
            this.sessionId = sessionId;
            this.cwd = cwd;
            this.now = start;
            this.sidechain = sidechain;
            this.startTime = start.toEpochMilli() - 400;
        }

        long bytes() {
            return out.count;
        }

        void queue() throws IOException {
            if (sidechain) {
                return;
            }
            if (random.nextInt(10) == 0) {
                try (JsonGenerator json = open()) {
                    json.writeStartObject();
                    json.writeStringField("type", "summary");
                    json.writeStringField("summary", sentence(6));
                    json.writeStringField("leafUuid", uuid());
                    json.writeEndObject();
                }
                newline();
            }
        }

        void turn() throws IOException {
            String prompt = sentence(3 + random.nextInt(30));
            if (turns == 0 && random.nextInt(8) == 0) {
                userText(
                        "<command-name>/init</command-name>\n<command-message>init</command-message>\n<command-args></command-args>",
                        false);
            }
            userText(prompt, false);
            if (!sidechain) {
                attachment();
            }
            if (random.nextInt(15) == 0) {
                userText("<system-reminder>\n" + sentence(20) + "\n</system-reminder>", true);
            }
            int steps = random.nextInt(5);
            for (int step = 0; step <= steps; step++) {
                String messageId = "msg_" + uuid().replace("-", "").substring(0, 24);
                long input = 10_000 + random.nextInt(90_000);
                long output = 5 + random.nextInt(2_000);
                inputTokens += input;
                outputTokens += output;
                if (random.nextInt(6) == 0) {
                    assistantBlock(messageId, input, output, "thinking", text(200 + random.nextInt(3_000)), null);
                }
                if (step == steps) {
                    assistantBlock(messageId, input, output, "text", text(50 + random.nextInt(1_500)), null);
                    break;
                }
                if (random.nextBoolean()) {
                    assistantBlock(messageId, input, output, "text", sentence(5 + random.nextInt(20)), null);
                }
                String tool = TOOLS[random.nextInt(TOOLS.length)];
                String toolUseId = "toolu_" + uuid().replace("-", "").substring(0, 24);
                assistantBlock(messageId, input, output, "tool_use", tool, toolUseId);
                toolResult(toolUseId, tool);
            }
            cost += 0.01 + random.nextDouble() * 0.2;
            if (!sidechain) {
                titles(prompt);
            }
            turns++;
        }

        private void userText(String text, boolean meta) throws IOException {
            String uuid = uuid();
            try (JsonGenerator json = open()) {
                json.writeStartObject();
                head(json);
                json.writeStringField("promptId", uuid());
                json.writeStringField("type", "user");
                if (meta) {
                    json.writeBooleanField("isMeta", true);
                }
                json.writeObjectFieldStart("message");
                json.writeStringField("role", "user");
                if (random.nextBoolean()) {
                    json.writeStringField("content", text);
                } else {
                    json.writeArrayFieldStart("content");
                    json.writeStartObject();
                    json.writeStringField("type", "text");
                    json.writeStringField("text", text);
                    json.writeEndObject();
                    json.writeEndArray();
                }
                json.writeEndObject();
                tail(json, uuid);
                json.writeStringField("permissionMode", "default");
                json.writeEndObject();
            }
            newline();
            messageLines++;
            parent = uuid;
        }

        private void attachment() throws IOException {
            String uuid = uuid();
            try (JsonGenerator json = open()) {
                json.writeStartObject();
                head(json);
                json.writeObjectFieldStart("attachment");
                json.writeStringField("type", "environment");
                json.writeObjectFieldStart("snapshot");
                json.writeStringField("workingDirectory", cwd);
                json.writeBooleanField("isGitRepo", true);
                json.writeEndObject();
                json.writeEndObject();
                json.writeStringField("type", "attachment");
                json.writeArrayFieldStart("rendered");
                json.writeStartObject();
                json.writeStringField(
                        "content", "<system-reminder>\n# Environment\n" + text(1_200) + "\n</system-reminder>");
                json.writeEndObject();
                json.writeEndArray();
                tail(json, uuid);
                json.writeEndObject();
            }
            newline();
        }

        private void assistantBlock(
                String messageId, long input, long output, String kind, String body, String toolUseId)
                throws IOException {
            String uuid = uuid();
            try (JsonGenerator json = open()) {
                json.writeStartObject();
                head(json);
                json.writeObjectFieldStart("message");
                json.writeStringField("id", messageId);
                json.writeStringField("type", "message");
                json.writeStringField("role", "assistant");
                json.writeStringField("model", "claude-opus-5-5");
                json.writeArrayFieldStart("content");
                json.writeStartObject();
                json.writeStringField("type", kind);
                switch (kind) {
                    case "thinking" -> {
                        json.writeStringField("thinking", body);
                        json.writeStringField("signature", uuid());
                    }
                    case "tool_use" -> {
                        json.writeStringField("id", toolUseId);
                        json.writeStringField("name", body);
                        json.writeObjectFieldStart("input");
                        toolInput(json, body);
                        json.writeEndObject();
                    }
                    default -> json.writeStringField("text", body);
                }
                json.writeEndObject();
                json.writeEndArray();
                json.writeStringField("stop_reason", "tool_use".equals(kind) ? "tool_use" : "end_turn");
                json.writeObjectFieldStart("usage");
                json.writeNumberField("input_tokens", input);
                json.writeNumberField("cache_creation_input_tokens", 0);
                json.writeNumberField("cache_read_input_tokens", 0);
                json.writeNumberField("output_tokens", output);
                json.writeStringField("service_tier", "standard");
                json.writeEndObject();
                json.writeEndObject();
                json.writeStringField("requestId", "req_" + messageId.substring(4));
                json.writeStringField("type", "assistant");
                tail(json, uuid);
                json.writeEndObject();
            }
            newline();
            messageLines++;
            parent = uuid;
        }

        private void toolInput(JsonGenerator json, String tool) throws IOException {
            String path = cwd + "/src/" + WORDS[random.nextInt(WORDS.length)] + ".java";
            switch (tool) {
                case "Bash" -> {
                    json.writeStringField("command", "mvn -q test -pl " + WORDS[random.nextInt(WORDS.length)]);
                    json.writeStringField("description", sentence(5));
                }
                case "Edit" -> {
                    json.writeStringField("file_path", path);
                    json.writeStringField("old_string", text(40 + random.nextInt(400)));
                    json.writeStringField("new_string", text(40 + random.nextInt(400)));
                }
                case "Write" -> {
                    json.writeStringField("file_path", path);
                    json.writeStringField("content", text(200 + random.nextInt(6_000)));
                }
                case "Grep" -> json.writeStringField("pattern", WORDS[random.nextInt(WORDS.length)]);
                default -> json.writeStringField("file_path", path);
            }
        }

        private void toolResult(String toolUseId, String tool) throws IOException {
            String uuid = uuid();
            boolean error = random.nextInt(25) == 0;
            // Outputs stay within what the session has left, so sizes land near their targets.
            int room = (int) Math.max(100, Math.min(Integer.MAX_VALUE, (targetBytes - bytes()) / 3));
            String output = error ? "Error: " + sentence(8) : text(Math.min(outputSize(), room));
            try (JsonGenerator json = open()) {
                json.writeStartObject();
                head(json);
                json.writeStringField("type", "user");
                json.writeObjectFieldStart("message");
                json.writeStringField("role", "user");
                json.writeArrayFieldStart("content");
                json.writeStartObject();
                json.writeStringField("tool_use_id", toolUseId);
                json.writeStringField("type", "tool_result");
                json.writeStringField("content", output);
                json.writeBooleanField("is_error", error);
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                if ("Bash".equals(tool) && !error) {
                    json.writeObjectFieldStart("toolUseResult");
                    json.writeStringField("stdout", output);
                    json.writeStringField("stderr", "");
                    json.writeBooleanField("interrupted", false);
                    json.writeEndObject();
                } else {
                    json.writeStringField("toolUseResult", error ? output : "ok");
                }
                tail(json, uuid);
                json.writeEndObject();
            }
            newline();
            messageLines++;
            parent = uuid;
        }

        private void titles(String prompt) throws IOException {
            if (turns == 0) {
                simple("ai-title", "aiTitle", sentence(4));
            }
            if (random.nextInt(40) == 0) {
                simple("custom-title", "customTitle", sentence(3));
            }
            simple("last-prompt", "lastPrompt", prompt);
            try (JsonGenerator json = open()) {
                json.writeStartObject();
                json.writeStringField("type", "cost-state");
                json.writeStringField("sessionId", sessionId);
                json.writeNumberField("totalCostUSD", cost);
                json.writeNumberField("startTime", startTime);
                json.writeEndObject();
            }
            newline();
        }

        private void simple(String type, String field, String value) throws IOException {
            try (JsonGenerator json = open()) {
                json.writeStartObject();
                json.writeStringField("type", type);
                json.writeStringField(field, value);
                json.writeStringField("sessionId", sessionId);
                json.writeEndObject();
            }
            newline();
        }

        private void head(JsonGenerator json) throws IOException {
            json.writeStringField("parentUuid", parent);
            json.writeBooleanField("isSidechain", sidechain);
        }

        private void tail(JsonGenerator json, String uuid) throws IOException {
            now = now.plusMillis(50 + random.nextInt(5_000));
            json.writeStringField("uuid", uuid);
            json.writeStringField("timestamp", now.toString());
            json.writeStringField("userType", "external");
            json.writeStringField("cwd", cwd);
            json.writeStringField("sessionId", sessionId);
            json.writeStringField("version", VERSION);
            json.writeStringField("gitBranch", "main");
        }

        private JsonGenerator open() throws IOException {
            // Closing a generator per line must neither close nor flush the file's buffered stream.
            return JSON.createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        }

        private void newline() throws IOException {
            out.write('\n');
        }
    }

    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream target;
        long count;

        CountingOutputStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int from, int length) throws IOException {
            target.write(bytes, from, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
