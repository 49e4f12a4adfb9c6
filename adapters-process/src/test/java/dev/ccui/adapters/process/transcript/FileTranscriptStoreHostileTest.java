package dev.ccui.adapters.process.transcript;

import static dev.ccui.adapters.process.transcript.TestRecords.append;
import static dev.ccui.adapters.process.transcript.TestRecords.assistant;
import static dev.ccui.adapters.process.transcript.TestRecords.text;
import static dev.ccui.adapters.process.transcript.TestRecords.toolResult;
import static dev.ccui.adapters.process.transcript.TestRecords.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.MessageBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content and layouts another program, a crash or a person may leave in the projects folder. */
class FileTranscriptStoreHostileTest {
    @TempDir
    Path config;

    Path projects;
    FileTranscriptStore store;

    @BeforeEach
    void setUp() {
        projects = config.resolve("projects");
        store = new FileTranscriptStore(config, TranscriptLimits.defaults());
    }

    private TranscriptDelta readWhole(Path file) {
        return store.read(listed(file), 0, null).orElseThrow();
    }

    private TranscriptFile listed(Path file) {
        return store.listFiles().stream()
                .filter(f -> f.path().equals(file))
                .findFirst()
                .orElseThrow();
    }

    private List<HistoryMessage> messages(TranscriptDelta delta) {
        List<LineRef> refs = delta.lines().stream().map(IndexedLine::ref).toList();
        return store.messagesAt(refs, LongStream.range(0, refs.size()).boxed().toList());
    }

    @Test
    void describingOneFileAgreesWithTheListingAndRefusesWhatItWouldNotList() throws IOException {
        Path file = projects.resolve("p/s.jsonl");
        append(file, user("u1", "hello"));
        Path agent = projects.resolve("p/s/subagents/a.jsonl");
        append(agent, user("u2", "sub"));
        assertThat(store.describe(file)).contains(listed(file));
        assertThat(store.describe(agent)).contains(listed(agent));
        assertThat(store.describe(agent).orElseThrow().subagent()).isTrue();

        Path outside = Files.createDirectories(config.resolve("outside")).resolve("x.jsonl");
        append(outside, user("u3", "secret"));
        Files.createSymbolicLink(projects.resolve("p/link.jsonl"), outside);
        assertThat(store.describe(projects.resolve("p/link.jsonl"))).isEmpty();
        assertThat(store.describe(outside)).isEmpty();
        assertThat(store.describe(projects.resolve("p/notes.txt"))).isEmpty();
        assertThat(store.describe(projects.resolve("p/gone.jsonl"))).isEmpty();
        assertThat(store.describe(projects.resolve("p/../../outside/x.jsonl"))).isEmpty();
    }

    @Test
    void aPartialLastLineIsLeftForTheNextRead() {
        Path file = projects.resolve("p/s.jsonl");
        String complete = user("u1", "first");
        append(file, complete + "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"cont");

        TranscriptDelta delta = readWhole(file);

        assertThat(delta.endOffset()).isEqualTo(complete.length());
        assertThat(delta.lines()).hasSize(1);
        assertThat(delta.badLines()).isZero();
    }

    @Test
    void aFiftyMegabyteLineIsSkippedAndCountedWhileItsNeighboursAreRead() throws IOException {
        Path file = projects.resolve("p/s.jsonl");
        String before = user("u1", "run the build");
        append(file, before);
        long hugeStart = Files.size(file);
        // {"type":"user",...,"message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"xxx…"}]}}
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(("{\"parentUuid\":\"a1\",\"isSidechain\":false,\"type\":\"user\",\"uuid\":\"huge\",\"timestamp\":"
                            + "\"2026-01-01T10:00:02Z\",\"sessionId\":\"" + TestRecords.SESSION
                            + "\",\"message\":{\"role\":\"user\","
                            + "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}]}}\n".getBytes(StandardCharsets.US_ASCII));
        }
        long hugeEnd = Files.size(file) - 1;
        String after = assistant("a2", "msg_2", List.of(text("The build passed.")), 100, 7);
        append(file, after);

        TranscriptDelta delta = readWhole(file);

        assertThat(delta.endOffset()).isEqualTo(Files.size(file));
        assertThat(delta.badLines()).isEqualTo(1);
        assertThat(delta.lines())
                .extracting(l -> l.ref().offset(), IndexedLine::role, IndexedLine::hidden)
                .containsExactly(
                        Tuple.tuple(0L, "user", false),
                        Tuple.tuple(hugeStart, "user", true),
                        Tuple.tuple(hugeEnd + 1, "assistant", false));
        assertThat(delta.lines().get(1).ref().length()).isEqualTo(hugeEnd - hugeStart);
        assertThat(delta.firstPrompt()).isEqualTo("run the build");
        assertThat(delta.inputTokens()).isEqualTo(100);
        assertThat(delta.searchText()).isEqualTo("run the build\nThe build passed.");

        List<HistoryMessage> messages = messages(delta);
        assertThat(messages.get(1).hidden()).isTrue();
        assertThat(messages.get(1).uuid()).isEqualTo("huge");
        assertThat(messages.get(1).role()).isEqualTo("user");
        assertThat(messages.get(1).blocks()).singleElement().asString().contains("too large");
        assertThat(messages.get(2).blocks()).containsExactly(new MessageBlock.Text("The build passed."));
        assertThat(store.toolResultText(delta.lines().get(1).ref(), "t1")).isEmpty();
    }

    @Test
    void binaryGarbageIsCountedAndSkipped() {
        Path file = projects.resolve("p/s.jsonl");
        append(file, user("u1", "before the garbage"));
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);
        garbage[10] = 0;
        garbage[11] = (byte) 0xff;
        garbage[12] = (byte) 0xc3;
        append(file, garbage);
        append(file, "\n");
        append(file, new byte[] {0, 0, (byte) 0xfe, '{', '"', '\n'});
        append(
                file,
                "{\"type\":\"user\",\"message\":{\"content\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}\n");
        append(
                file,
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m0\",\"usage\":{\"input_tokens\":"
                        + "123456789012345678901234567890,\"output_tokens\":1e400}}}\n");
        append(file, assistant("a1", "msg_1", List.of(text("after the garbage")), 5, 1));

        TranscriptDelta delta = readWhole(file);

        assertThat(delta.lines()).extracting(IndexedLine::role).containsExactly("user", "assistant", "assistant");
        assertThat(delta.badLines()).isPositive();
        assertThat(delta.inputTokens()).isEqualTo(5);
        assertThat(delta.outputTokens()).isEqualTo(1);
        assertThat(delta.searchText()).isEqualTo("before the garbage\nafter the garbage");
        assertThat(messages(delta)).extracting(HistoryMessage::hidden).containsExactly(false, false, false);
    }

    @Test
    void invalidUtf8InsideARecordIsReadWithReplacementCharacters() {
        Path file = projects.resolve("p/s.jsonl");
        byte[] line = user("u1", "caf\u00e9 ok").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new String(line, StandardCharsets.UTF_8)
                .replace("\u00e9", "\u00e9\u00e9")
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(broken, StandardCharsets.ISO_8859_1).indexOf("\u00c3\u00a9\u00c3\u00a9");
        broken[at + 2] = (byte) 0xff; // a stray byte where the second é began
        append(file, broken);

        TranscriptDelta delta = readWhole(file);

        assertThat(delta.badLines()).isZero();
        assertThat(delta.firstPrompt()).startsWith("caf\u00e9\ufffd");
        assertThat(messages(delta).getFirst().blocks())
                .singleElement()
                .asString()
                .contains("\ufffd");
    }

    @Test
    void unknownRecordTypesAndNonObjectsAreIgnored() {
        Path file = projects.resolve("p/s.jsonl");
        append(file, "{\"type\":\"hologram\",\"sessionId\":\"s-1\",\"payload\":{\"deep\":[1,2,3]}}\n");
        append(file, "[1,2,3]\n\"just a string\"\n42\nnull\n{\"type\":\"user\"} trailing\n\n   \n");
        append(file, "{\"type\":\"ai-title\",\"aiTitle\":\"Fix the build\",\"sessionId\":\"s-1\"}\n");
        append(file, "{\"type\":\"custom-title\",\"customTitle\":\"Mine\",\"sessionId\":\"s-1\"}\n");
        append(file, "{\"type\":\"custom-title\",\"customTitle\":\"Mine, renamed\",\"sessionId\":\"s-1\"}\n");
        append(file, "{\"type\":\"summary\",\"summary\":\"A summary\",\"leafUuid\":\"x\"}\n");
        append(file, "{\"type\":\"attachment\",\"timestamp\":\"not a time\",\"attachment\":{\"type\":\"x\"}}\n");
        append(file, "{\"type\":\"cost-state\",\"startTime\":1,\"totalCostUSD\":0.5}\n");
        append(file, "{\"type\":\"cost-state\",\"startTime\":1,\"totalCostUSD\":0.75}\n");
        append(file, "{\"type\":\"cost-state\",\"startTime\":2,\"totalCostUSD\":0.25}\n");
        append(
                file,
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"model\":\"<synthetic>\",\"content\":\"odd\","
                        + "\"usage\":{\"input_tokens\":\"many\",\"output_tokens\":-5}}}\n");

        TranscriptDelta delta = readWhole(file);

        assertThat(delta.sessionId()).isEqualTo("s-1");
        assertThat(delta.badLines()).isEqualTo(5);
        assertThat(delta.aiTitle()).isEqualTo("Fix the build");
        assertThat(delta.customTitle()).isEqualTo("Mine, renamed");
        assertThat(delta.summary()).isEqualTo("A summary");
        assertThat(delta.costByProcessStart()).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 0.75, 2L, 0.25));
        assertThat(delta.firstTimestamp()).isNull();
        assertThat(delta.models()).isEmpty();
        assertThat(delta.inputTokens()).isZero();
        assertThat(delta.outputTokens()).isZero();
        assertThat(delta.lines()).extracting(IndexedLine::role).containsExactly("assistant");
        assertThat(messages(delta).getFirst().blocks()).containsExactly(new MessageBlock.Text("odd"));
    }

    @Test
    void theCwdComesFromTheRecordsNotTheFolderName() {
        Path file = projects.resolve("-home-dev-my-app-v2/s.jsonl");
        append(file, user("u1", "hello").replace(TestRecords.CWD, "/home/dev/my_app.v2"));

        assertThat(readWhole(file).cwd()).isEqualTo("/home/dev/my_app.v2");
    }

    @Test
    void hiddenRecordsAndWhatIsNotAPrompt() {
        Path file = projects.resolve("p/s.jsonl");
        Map<String, Object> meta = TestRecords.base("user", "m1", "2026-01-01T10:00:00Z");
        meta.put("isMeta", true);
        meta.put("message", Map.of("role", "user", "content", "expanded skill text"));
        append(file, TestRecords.line(meta));
        append(file, user("r1", "<system-reminder>be nice</system-reminder>"));
        append(file, user("r2", List.of(text("Caveat: the messages below were generated by the user"))));
        append(
                file,
                user(
                        "c1",
                        "<command-name>/model</command-name>\n<command-message>model</command-message>\n"
                                + "<command-args>opus</command-args>"));
        append(file, user("o1", "<local-command-stdout>Set model to opus</local-command-stdout>"));
        append(file, user("t1", List.of(toolResult("toolu_1", "file contents", false))));
        append(file, user("p1", List.of(text("  " + "é".repeat(150) + "🎉".repeat(60) + "  "))));

        TranscriptDelta delta = readWhole(file);

        assertThat(delta.lines())
                .extracting(IndexedLine::hidden)
                .containsExactly(true, true, true, false, false, false, false);
        String expected = "é".repeat(150) + "🎉".repeat(25);
        assertThat(delta.firstPrompt()).isEqualTo(expected).hasSize(200);
        assertThat(delta.searchText())
                .doesNotContain("be nice", "expanded skill", "file contents", "local-command-stdout");

        List<HistoryMessage> messages = messages(delta);
        assertThat(messages)
                .extracting(HistoryMessage::hidden)
                .containsExactly(true, true, true, false, false, false, false);
        assertThat(messages.get(3).blocks()).containsExactly(new MessageBlock.SlashCommand("/model", "opus"));
        assertThat(messages.get(4).blocks())
                .containsExactly(
                        new MessageBlock.Text("<local-command-stdout>Set model to opus</local-command-stdout>"));
    }

    @Test
    void blocksOfEveryKindAreNormalizedAndImagesServedSeparately() {
        Path file = projects.resolve("p/s.jsonl");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        String base64 = Base64.getEncoder().encodeToString(png);
        Map<String, Object> image =
                Map.of("type", "image", "source", Map.of("type", "base64", "media_type", "image/png", "data", base64));
        Map<String, Object> svg = Map.of(
                "type", "image", "source", Map.of("type", "base64", "media_type", "image/svg+xml", "data", base64));
        append(file, user("u1", List.of(text("what is this?"), image, svg)));
        String longOutput = "y".repeat(9_999) + "🎉" + "z".repeat(500);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("type", "tool_result");
        nested.put("tool_use_id", "toolu_2");
        nested.put("content", List.of(text("line one"), image, Map.of("type", "tool_reference", "name", "x")));
        append(file, user("u2", List.of(toolResult("toolu_1", longOutput, false), nested)));
        append(
                file,
                assistant(
                        "a1",
                        "msg_1",
                        List.of(
                                Map.of("type", "thinking", "thinking", "hmm", "signature", "s"),
                                Map.of("type", "server_tool_use", "id", "s1"),
                                Map.of(
                                        "type",
                                        "tool_use",
                                        "id",
                                        "toolu_3",
                                        "name",
                                        "Edit",
                                        "input",
                                        Map.of(
                                                "file_path",
                                                "/a",
                                                "old_string",
                                                "x",
                                                "new_string",
                                                "y",
                                                "replace_all",
                                                true,
                                                "n",
                                                3,
                                                "list",
                                                List.of(1.5, "two")))),
                        10,
                        2));

        TranscriptDelta delta = readWhole(file);
        List<HistoryMessage> messages = messages(delta);

        assertThat(messages.get(0).blocks())
                .containsExactly(
                        new MessageBlock.Text("what is this?"),
                        new MessageBlock.Image("0-1", "image/png", png.length),
                        new MessageBlock.Image("0-2", "image/svg+xml", png.length));
        assertThat(messages.get(0).toString()).doesNotContain(base64);
        assertThat(store.image(delta.lines().get(0).ref(), 1)).hasValueSatisfying(data -> {
            assertThat(data.mediaType()).isEqualTo("image/png");
            assertThat(data.bytes()).isEqualTo(png);
        });
        assertThat(store.image(delta.lines().get(0).ref(), 2)).isEmpty();
        assertThat(store.image(delta.lines().get(0).ref(), 0)).isEmpty();
        assertThat(store.image(delta.lines().get(0).ref(), 99)).isEmpty();

        // 9,999 chars then a surrogate pair: the cut at 10,000 must not split it.
        assertThat(messages.get(1).blocks())
                .containsExactly(
                        new MessageBlock.ToolResult("toolu_1", "y".repeat(9_999), false, true, 10_501),
                        new MessageBlock.ToolResult(
                                "toolu_2", "line one\n[image]\n[tool_reference]", false, false, 33));
        assertThat(store.toolResultText(delta.lines().get(1).ref(), "toolu_1")).contains(longOutput);

        assertThat(messages.get(2).blocks())
                .containsExactly(
                        new MessageBlock.Thinking("hmm"),
                        new MessageBlock.Text("[server_tool_use]"),
                        new MessageBlock.ToolUse(
                                "toolu_3",
                                "Edit",
                                Map.of(
                                        "file_path",
                                        "/a",
                                        "old_string",
                                        "x",
                                        "new_string",
                                        "y",
                                        "replace_all",
                                        true,
                                        "n",
                                        3,
                                        "list",
                                        List.of(1.5, "two"))));
        assertThat(delta.searchText()).isEqualTo("what is this?").doesNotContain("hmm");
    }

    @Test
    void aLineThatChangedUnderItsReferenceBecomesAPlaceholder() throws IOException {
        Path file = projects.resolve("p/s.jsonl");
        append(file, user("u1", "hello there"));
        TranscriptDelta delta = readWhole(file);
        Files.writeString(file, "garbage now, not the same record at all\n");
        LineRef gone = new LineRef(projects.resolve("p/gone.jsonl").toString(), 0, 10);
        LineRef outside = new LineRef(config.resolve("secret.jsonl").toString(), 0, 10);

        List<HistoryMessage> messages =
                store.messagesAt(List.of(delta.lines().getFirst().ref(), gone, outside), List.of(4L, 5L, 6L));

        assertThat(messages).extracting(HistoryMessage::seq).containsExactly(4L, 5L, 6L);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.hidden()).isTrue();
            assertThat(m.role()).isEqualTo("system");
            assertThat(m.blocks()).hasSize(1);
        });
    }

    @Test
    void aMissingFileReadsAsEmpty() throws IOException {
        Path file = projects.resolve("p/s.jsonl");
        append(file, user("u1", "hello"));
        TranscriptFile transcript = listed(file);
        Files.delete(file);

        assertThat(store.read(transcript, 0, null)).isEmpty();
    }

    @Test
    void subagentTranscriptsAreListedAndTheirLinesAreSidechain() {
        Path main = projects.resolve("p/" + TestRecords.SESSION + ".jsonl");
        Path nested = projects.resolve("p/" + TestRecords.SESSION + "/subagents/agent-a1.jsonl");
        Path flat = projects.resolve("p/agent-b2.jsonl");
        Path ignored = projects.resolve("p/" + TestRecords.SESSION + "/tool-results/x.jsonl");
        Path tooDeep = projects.resolve("p/" + TestRecords.SESSION + "/subagents/more/y.jsonl");
        for (Path file : List.of(main, nested, flat, ignored, tooDeep)) {
            append(file, user("u1", "task for the subagent"));
        }
        append(projects.resolve("p/notes.txt"), "not a transcript");
        append(projects.resolve("stray.jsonl"), user("u1", "not in a project folder"));

        assertThat(store.listFiles())
                .extracting(TranscriptFile::path, TranscriptFile::subagent)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(main, false), Tuple.tuple(nested, true), Tuple.tuple(flat, true));
        TranscriptDelta delta = readWhole(nested);
        assertThat(delta.lines())
                .singleElement()
                .extracting(IndexedLine::sidechain)
                .isEqualTo(true);
        assertThat(delta.firstPrompt()).isNull();
        assertThat(messages(delta).getFirst().sidechain()).isTrue();
    }

    @Test
    void aSymlinkLoopEndsAndEachFileIsListedOnce() throws IOException {
        Path folder = projects.resolve("p");
        append(folder.resolve("s.jsonl"), user("u1", "hello"));
        append(folder.resolve(TestRecords.SESSION + "/subagents/agent-1.jsonl"), user("u1", "hello"));
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        Files.createSymbolicLink(folder.resolve(TestRecords.SESSION + "/subagents/up"), projects);
        Files.createSymbolicLink(projects.resolve("alias"), folder);
        Files.createSymbolicLink(folder.resolve("same.jsonl"), folder.resolve("s.jsonl"));

        List<TranscriptFile> files = store.listFiles();

        assertThat(files)
                .extracting(TranscriptFile::path)
                .containsExactlyInAnyOrder(
                        folder.resolve("s.jsonl"), folder.resolve(TestRecords.SESSION + "/subagents/agent-1.jsonl"));
    }

    @Test
    void aSymlinkToAFileOutsideTheRootIsNeitherListedNorRead() throws IOException {
        Path secret = config.resolve("outside/secret.jsonl");
        append(secret, user("u1", "a secret"));
        Path folder = projects.resolve("p");
        append(folder.resolve("real.jsonl"), user("u1", "hello"));
        Path link = Files.createSymbolicLink(folder.resolve("leak.jsonl"), secret);
        Path inside = config.resolve("projects/elsewhere/kept.txt");
        append(inside, user("u1", "inside the root"));
        Path linkInside = Files.createSymbolicLink(folder.resolve("linked.jsonl"), inside);

        assertThat(store.listFiles())
                .extracting(TranscriptFile::path)
                .containsExactlyInAnyOrder(folder.resolve("real.jsonl"), linkInside);
        TranscriptFile forged = new TranscriptFile(link, 10, Instant.EPOCH, null, false);
        assertThat(store.read(forged, 0, null)).isEmpty();
        assertThat(store.glance(forged)).isEmpty();
        assertThat(store.read(new TranscriptFile(secret, 10, Instant.EPOCH, null, false), 0, null))
                .isEmpty();
        assertThat(store.read(listed(linkInside), 0, null))
                .hasValueSatisfying(d -> assertThat(d.firstPrompt()).isEqualTo("inside the root"));
    }

    @Test
    void aFifoIsNotListedNorOpened() throws Exception {
        Path folder = Files.createDirectories(projects.resolve("p"));
        Path fifo = folder.resolve("pipe.jsonl");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

        assertThat(store.listFiles()).isEmpty();
        assertThat(store.read(new TranscriptFile(fifo, 0, Instant.EPOCH, null, false), 0, null))
                .isEmpty();
        assertThat(store.glance(new TranscriptFile(fifo, 0, Instant.EPOCH, null, false)))
                .isEmpty();
    }

    @Test
    void tenThousandSmallFilesAreAllListed() throws IOException {
        byte[] content = user("u1", "hi").getBytes(StandardCharsets.UTF_8);
        for (int folder = 0; folder < 50; folder++) {
            Path dir = Files.createDirectories(projects.resolve("-home-dev-p" + folder));
            for (int i = 0; i < 200; i++) {
                Files.write(dir.resolve("s" + i + ".jsonl"), content);
            }
        }

        long start = System.nanoTime();
        List<TranscriptFile> files = store.listFiles();
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("Listed " + files.size() + " transcripts in " + millis + " ms");
        assertThat(files).hasSize(10_000);
        assertThat(files).extracting(TranscriptFile::fileKey).doesNotHaveDuplicates();
    }

    @Test
    void theFileLimitStopsAListing() throws IOException {
        FileTranscriptStore limited =
                new FileTranscriptStore(config, new TranscriptLimits(8 << 20, 64L << 20, 10_000, 256 << 10, 5, 4));
        for (int i = 0; i < 20; i++) {
            append(projects.resolve("p/s" + i + ".jsonl"), "{}\n");
        }

        assertThat(limited.listFiles()).hasSize(5);
    }

    @Test
    void aProjectsFolderThatIsItselfASymlinkIsWalked() throws IOException {
        Path real = config.resolve("elsewhere/projects");
        append(real.resolve("p/s.jsonl"), user("u1", "hello"));
        Files.createSymbolicLink(projects, real);

        List<TranscriptFile> files = store.listFiles();

        assertThat(files).extracting(TranscriptFile::path).containsExactly(projects.resolve("p/s.jsonl"));
        assertThat(store.read(files.getFirst(), 0, null))
                .hasValueSatisfying(d -> assertThat(d.lines()).hasSize(1));
    }

    @Test
    void noProjectsFolderListsNothing() {
        assertThat(store.listFiles()).isEmpty();
    }
}
