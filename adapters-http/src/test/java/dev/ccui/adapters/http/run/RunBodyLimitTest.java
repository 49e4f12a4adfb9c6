package dev.ccui.adapters.http.run;

import static dev.ccui.adapters.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.DocumentAttachment;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A prompt's files are as welcome over REST as over {@code /ws}: {@code POST /api/runs} has its own
 * body limit, the one the {@code /ws} frame limit is, while the rest of the API keeps the usual 1 MiB.
 */
@Timeout(60)
class RunBodyLimitTest extends RunHttpTest {
    private static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        Arrays.fill(pdf, (byte) 'x');
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        return pdf;
    }

    private String runWith(byte[] pdf) {
        return "{\"projectId\":\"" + project.id() + "\",\"prompt\":\"read it\",\"clientMessageId\":\""
                + UUID.randomUUID() + "\",\"attachments\":[{\"name\":\"report.pdf\",\"mediaType\":\"application/pdf\","
                + "\"data\":\"" + Base64.getEncoder().encodeToString(pdf) + "\"}]}";
    }

    @Test
    void aRunWithA4MiBPdfIsTakenOverRestWhileOtherRoutesKeepTheUsualLimit() {
        byte[] pdf = pdf(4 * 1024 * 1024);
        String body = runWith(pdf);
        assertThat(body.length()).as("over the 1 MiB of the rest of the API").isGreaterThan(5 * 1024 * 1024);

        HttpResponse<String> started = http.post("/api/runs", body, auth(admin));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        List<Attachment> files = http.runner.last().files.getFirst();
        assertThat(files).singleElement().isInstanceOfSatisfying(DocumentAttachment.class, document -> {
            assertThat(document.name()).isEqualTo("report.pdf");
            assertThat(Base64.getDecoder().decode(document.base64Data())).isEqualTo(pdf);
        });

        // The same body anywhere else is over CCUI_MAX_BODY_BYTES, as before.
        HttpResponse<String> elsewhere =
                http.post("/api/projects/" + project.id() + "/permission-rules", body, auth(admin));
        assertThat(elsewhere.statusCode()).isEqualTo(413);
        assertThat(json(elsewhere).at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(json(elsewhere).at("/error/message").asText()).contains(Integer.toString(1024 * 1024));
    }

    @Test
    void aRunBodyStillNeedsJson() {
        HttpResponse<String> form = http.send(http.request("/api/runs")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("prompt=hi"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + admin));
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(json(form).at("/error/code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aPayloadOverTheLimitIsRefusedOnBothTransportsWithTheSameLimit() throws Exception {
        int size = SendLimits.MAX_CHARS + 1;

        // REST: the declared length is refused before a byte of the body is read (none is sent).
        String rest;
        try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + admin
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + size
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(rest).startsWith("HTTP/1.1 413");
        JsonNode restError = Json.MAPPER.readTree(rest.substring(rest.indexOf("\r\n\r\n") + 4));
        assertThat(restError.at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(restError.at("/error/message").asText()).contains(Integer.toString(SendLimits.MAX_CHARS));

        // /ws: a send frame of the same size is answered with an error frame, the socket stays.
        StringBuilder frame = new StringBuilder(size);
        frame.append("{\"type\":\"send\",\"projectId\":\"")
                .append(project.id())
                .append("\",\"clientMessageId\":\"big\",\"prompt\":\"");
        frame.append("x".repeat(size - frame.length() - 2)).append("\"}");
        assertThat(frame.length()).isEqualTo(size);
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        WebSocket socket = openSocket(frames);
        // In fragments of 1 MiB, as one message: the limit is on the message, whatever its frames.
        for (int from = 0; from < size; from += 1024 * 1024) {
            int to = Math.min(size, from + 1024 * 1024);
            socket.sendText(frame.subSequence(from, to), to == size).get(30, TimeUnit.SECONDS);
        }
        JsonNode error = frames.poll(30, TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("FRAME_TOO_LARGE");
        assertThat(error.path("message").asText()).contains(Integer.toString(SendLimits.MAX_CHARS));
        socket.sendText("{\"type\":\"ping\"}", true).get(5, TimeUnit.SECONDS);
        assertThat(frames.poll(5, TimeUnit.SECONDS).path("type").asText()).isEqualTo("pong");
        assertThat(http.runner.started()).as("nothing ran").isEmpty();
        socket.abort();
    }
}
