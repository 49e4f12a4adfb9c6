package dev.ccui.bootstrap.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code /ws} client for measurements: it keeps every text frame unparsed with the instant (µs
 * since the epoch) its last fragment arrived, so that the delay of an event frame is its arrival
 * minus the event's {@code at} (same machine clock). It parses nothing but a frame's seq and a
 * {@code run_ended}'s reason, which it can be awaited on.
 */
public final class TimedEventSocket implements WebSocket.Listener {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    /** A text frame and when it arrived. */
    public record Frame(long receivedMicros, String text) {
        public boolean isEvent() {
            return text.startsWith("{\"type\":\"event\"");
        }
    }

    private final ConcurrentLinkedQueue<Frame> frames = new ConcurrentLinkedQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final Object signal = new Object();
    private volatile long lastSeq;
    private volatile String lastEnded;
    private volatile long lastEndedSeq;
    private volatile boolean subscribed;
    private WebSocket socket;

    private TimedEventSocket() {}

    /** Opens {@code /ws} on {@code client}'s server with its bearer token. */
    public static TimedEventSocket open(HttpClient http, ApiClient client) throws Exception {
        return openAsync(http, client).get(30, TimeUnit.SECONDS);
    }

    public static CompletableFuture<TimedEventSocket> openAsync(HttpClient http, ApiClient client) {
        TimedEventSocket sub = new TimedEventSocket();
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + client.token())
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(client.base().replace("http", "ws") + "/ws"), sub)
                .thenApply(ws -> {
                    sub.socket = ws;
                    return sub;
                });
    }

    /** Epoch microseconds of an instant. */
    public static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = micros(Instant.now());
            String text = partial.toString();
            partial.setLength(0);
            Frame frame = new Frame(now, text);
            frames.add(frame);
            if (text.startsWith("{\"type\":\"subscribed\"")) {
                synchronized (signal) {
                    subscribed = true;
                    signal.notifyAll();
                }
            } else if (frame.isEvent()) {
                Matcher seq = SEQ.matcher(text);
                long s = seq.find() ? Long.parseLong(seq.group(1)) : lastSeq;
                synchronized (signal) {
                    lastSeq = Math.max(lastSeq, s);
                    if (text.contains("\"kind\":\"run_ended\"")) {
                        int at = text.indexOf("\"reason\":\"");
                        lastEnded = at < 0 ? "?" : text.substring(at + 10, text.indexOf('"', at + 10));
                        lastEndedSeq = s;
                    }
                    signal.notifyAll();
                }
            }
        }
        ws.request(1);
        return null;
    }

    /** Every frame received so far, in order. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    public void subscribe(String sessionId, long afterSeq) {
        socket.sendText(
                        "{\"type\":\"subscribe\",\"sessionId\":\"" + sessionId + "\",\"afterSeq\":" + afterSeq + "}",
                        true)
                .join();
    }

    public long lastSeq() {
        return lastSeq;
    }

    public void awaitSubscribed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (!subscribed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no subscribed frame within " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
    }

    /** Waits for a run_ended with a seq above {@code afterSeq}; returns its reason. */
    public String awaitRunEnded(long afterSeq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (lastEnded == null || lastEndedSeq <= afterSeq) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no run_ended after seq " + afterSeq + " within " + timeout
                            + " (last seq seen " + lastSeq + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            return lastEnded;
        }
    }

    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((w, e) -> socket.abort());
        }
    }
}
