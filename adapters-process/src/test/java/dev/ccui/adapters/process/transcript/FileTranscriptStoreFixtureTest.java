package dev.ccui.adapters.process.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.MessageBlock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on real transcripts written by claude 2.1.328; expected figures were worked out by hand from the files. */
class FileTranscriptStoreFixtureTest {
    static final String SAY_HI = "24e2aa3f-3afc-44f2-b44b-b760af7b381e";
    static final String TOOLS = "ac12bf22-f31a-498a-958c-9d2bfc1878cf";
    static final String HAIKU = "ad5abd5e-c501-45c6-b53a-a7bbf82d9c74";

    @TempDir
    Path config;

    FileTranscriptStore store;
    Path folder;

    /** Copies the fixtures to {@code <config>/projects/-home-dev-proj/}. */
    static Path copyFixtures(Path config) throws IOException, URISyntaxException {
        Path source = Path.of(FileTranscriptStoreFixtureTest.class
                .getResource("/fixtures/transcripts/-home-dev-proj")
                .toURI());
        Path target = Files.createDirectories(config.resolve("projects/-home-dev-proj"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    @BeforeEach
    void setUp() throws Exception {
        folder = copyFixtures(config);
        store = new FileTranscriptStore(config, TranscriptLimits.defaults());
    }

    TranscriptFile file(String session) {
        return store.listFiles().stream()
                .filter(f -> f.path().getFileName().toString().equals(session + ".jsonl"))
                .findFirst()
                .orElseThrow();
    }

    TranscriptDelta read(String session) {
        return store.read(file(session), 0, null).orElseThrow();
    }

    @Test
    void listsTheThreeSessionsWithTheirSizeAndInode() throws IOException {
        List<TranscriptFile> files = store.listFiles();

        assertThat(store.projectsRoot()).isEqualTo(config.resolve("projects"));
        assertThat(files)
                .extracting(f -> f.path().getFileName().toString())
                .containsExactlyInAnyOrder(SAY_HI + ".jsonl", TOOLS + ".jsonl", HAIKU + ".jsonl");
        assertThat(files).allSatisfy(f -> {
            assertThat(f.subagent()).isFalse();
            assertThat(f.path().getParent()).isEqualTo(folder);
            assertThat(f.fileKey()).isNotBlank();
        });
        assertThat(file(TOOLS).size()).isEqualTo(20_826);
        assertThat(file(TOOLS).modifiedAt())
                .isEqualTo(Files.getLastModifiedTime(folder.resolve(TOOLS + ".jsonl"))
                        .toInstant());
    }

    @Test
    void factsOfATwoPromptSession() {
        TranscriptDelta delta = read(SAY_HI);

        assertThat(delta.endOffset()).isEqualTo(15_350);
        assertThat(delta.sessionId()).isEqualTo(SAY_HI);
        assertThat(delta.cwd()).isEqualTo("/home/dev/proj");
        assertThat(delta.gitBranch()).isEqualTo("HEAD");
        assertThat(delta.firstTimestamp()).isEqualTo(Instant.parse("2026-11-27T18:40:00.068Z"));
        assertThat(delta.lastTimestamp()).isEqualTo(Instant.parse("2026-11-27T18:40:02.527Z"));
        assertThat(delta.firstPrompt()).isEqualTo("say hi");
        assertThat(delta.lastPrompt()).isEqualTo("second prompt");
        assertThat(delta.customTitle()).isNull();
        assertThat(delta.aiTitle()).isNull();
        assertThat(delta.summary()).isNull();
        assertThat(delta.models()).containsExactly("claude-opus-5-5");
        assertThat(delta.inputTokens()).isEqualTo(12_310 + 12_347);
        assertThat(delta.outputTokens()).isEqualTo(24);
        assertThat(delta.costByProcessStart()).containsExactly(Map.entry(1_795_804_799_713L, 0.099108));
        assertThat(delta.lastMessageId()).isEqualTo("msg_fake_1660e7987efb4652");
        assertThat(delta.badLines()).isZero();
        assertThat(delta.searchText())
                .isEqualTo("say hi\nHi from fake server (req 1). You said: say hi\nsecond prompt\n"
                        + "Hi from fake server (req 8). You said: second prompt");
        assertThat(delta.lines())
                .extracting(l -> l.ref().offset(), l -> l.ref().length(), IndexedLine::role)
                .containsExactly(
                        Tuple.tuple(297L, 505, "user"),
                        Tuple.tuple(10_431L, 1_225, "assistant"),
                        Tuple.tuple(12_774L, 546, "user"),
                        Tuple.tuple(13_321L, 1_232, "assistant"));
        assertThat(delta.lines()).allSatisfy(l -> {
            assertThat(l.hidden()).isFalse();
            assertThat(l.sidechain()).isFalse();
            assertThat(l.ref().file())
                    .isEqualTo(folder.resolve(SAY_HI + ".jsonl").toString());
        });
        assertThat(delta.lines().get(0).timestamp()).isEqualTo(Instant.parse("2026-11-27T18:40:00.127Z"));
    }

    @Test
    void tokensOfAMessageWrittenAsTwoLinesCountOnce() {
        TranscriptDelta delta = read(TOOLS);

        // msg_fake_0fc333f26e3c4c13 is written as two lines (text, then tool_use), both with its usage.
        assertThat(delta.inputTokens())
                .isEqualTo(13_448 + 13_538 + 13_588 + 13_675)
                .isEqualTo(54_249);
        assertThat(delta.outputTokens()).isEqualTo(48);
        assertThat(delta.costByProcessStart()).containsExactly(Map.entry(1_795_804_807_540L, 0.21795599999999998));
        assertThat(delta.firstPrompt()).isEqualTo("USE_BASH allow this one");
        assertThat(delta.lastPrompt()).isEqualTo("USE_WRITE deny this one");
        assertThat(delta.lastMessageId()).isEqualTo("msg_fake_cc80520c0d764acb");
        assertThat(delta.lines())
                .extracting(l -> l.ref().offset())
                .containsExactly(278L, 10_635L, 11_835L, 13_409L, 14_254L, 16_022L, 16_702L, 18_036L, 18_841L);
        assertThat(delta.lines())
                .extracting(IndexedLine::role)
                .containsExactly(
                        "user",
                        "assistant",
                        "assistant",
                        "user",
                        "assistant",
                        "user",
                        "assistant",
                        "user",
                        "assistant");
        assertThat(delta.searchText())
                .doesNotContain("echo hello", "Denied by the web UI user\n")
                .contains("USE_BASH allow this one", "I'll run a command.", "USE_WRITE deny this one");
    }

    @Test
    void anotherModel() {
        TranscriptDelta delta = read(HAIKU);

        assertThat(delta.models()).containsExactly("claude-haiku-5-5");
        assertThat(delta.inputTokens()).isEqualTo(12_972);
        assertThat(delta.outputTokens()).isEqualTo(12);
        assertThat(delta.costByProcessStart()).containsExactly(Map.entry(1_795_804_603_731L, 0.0013032));
        assertThat(delta.firstPrompt()).isEqualTo("model test");
        assertThat(delta.lines()).extracting(l -> l.ref().offset()).containsExactly(301L, 11_029L);
    }

    @Test
    void lineReferencesPointExactlyAtTheirRecords() throws IOException {
        for (String session : List.of(SAY_HI, TOOLS, HAIKU)) {
            TranscriptDelta delta = read(session);
            try (RandomAccessFile raf =
                    new RandomAccessFile(folder.resolve(session + ".jsonl").toFile(), "r")) {
                for (IndexedLine line : delta.lines()) {
                    byte[] bytes = new byte[line.ref().length() + 1];
                    raf.seek(line.ref().offset());
                    raf.readFully(bytes);
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(text).startsWith("{\"").endsWith("}\n");
                    assertThat(TestRecords.JSON.readTree(text).path("type").asText())
                            .isEqualTo(line.role());
                }
            }
        }
    }

    @Test
    void messagesRoundTripWithToolUsesAndResults() {
        TranscriptDelta delta = read(TOOLS);
        List<LineRef> refs = delta.lines().stream().map(IndexedLine::ref).toList();
        List<Long> seqs = LongStream.range(10, 10 + refs.size()).boxed().toList();

        List<HistoryMessage> messages = store.messagesAt(refs, seqs);

        assertThat(messages).extracting(HistoryMessage::seq).containsExactlyElementsOf(seqs);
        HistoryMessage prompt = messages.get(0);
        assertThat(prompt.role()).isEqualTo("user");
        assertThat(prompt.uuid()).isEqualTo("f3060275-5d4b-47f8-b825-3fc613bdfecb");
        assertThat(prompt.parentUuid()).isNull();
        assertThat(prompt.blocks()).containsExactly(new MessageBlock.Text("USE_BASH allow this one"));
        assertThat(prompt.timestamp()).isEqualTo(Instant.parse("2026-11-27T18:40:07.920Z"));

        HistoryMessage bash = messages.get(2);
        assertThat(bash.role()).isEqualTo("assistant");
        assertThat(bash.model()).isEqualTo("claude-opus-5-5");
        assertThat(bash.parentUuid()).isEqualTo("1444d33a-3dd3-433d-a063-9a1f1230b265");
        assertThat(bash.blocks())
                .containsExactly(new MessageBlock.ToolUse(
                        "toolu_fake_8ac30bf7efd84fe7",
                        "Bash",
                        Map.of("command", "echo hello > out.txt", "description", "Write hello to out.txt")));

        assertThat(messages.get(3).blocks())
                .containsExactly(new MessageBlock.ToolResult(
                        "toolu_fake_8ac30bf7efd84fe7", "(Bash completed with no output)", false, false, 31));
        assertThat(messages.get(6).blocks())
                .containsExactly(new MessageBlock.ToolUse(
                        "toolu_fake_6c69e4e35add488f",
                        "Write",
                        Map.of("file_path", "/home/dev/proj/written.txt", "content", "written by fake model\n")));
        assertThat(messages.get(7).blocks())
                .containsExactly(new MessageBlock.ToolResult(
                        "toolu_fake_6c69e4e35add488f", "Denied by the web UI user", true, false, 25));
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.hidden()).isFalse();
            assertThat(m.sidechain()).isFalse();
            assertThat(m.parentToolUseId()).isNull();
        });

        assertThat(store.toolResultText(refs.get(7), "toolu_fake_6c69e4e35add488f"))
                .contains("Denied by the web UI user");
        assertThat(store.toolResultText(refs.get(7), "toolu_other")).isEmpty();
        assertThat(store.image(refs.get(0), 0)).isEmpty();
    }
}
