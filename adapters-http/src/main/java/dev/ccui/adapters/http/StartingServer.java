package dev.ccui.adapters.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Answers on the service's port from the first moments of the process, while the database is
 * migrated and the application built: every request gets 503 with {@code Retry-After: 1}, health
 * says {@code starting}. Load balancers, the launcher and browsers see a live server that is not
 * ready yet instead of a refused connection. The real server binds the same port beside it
 * ({@code SO_REUSEPORT}) and this one then stops, so no connection is refused in between.
 *
 * <p>Plain JDK sockets, no Jetty and no logging: it is bound before anything else of the app is
 * loaded (a Jetty server and the logging it brings took 0.2–0.4 s of the start before the first
 * answer). Each answer closes its connection, so the next request of a client reaches whichever
 * server holds the port then.
 */
public final class StartingServer implements AutoCloseable {
    private static final Answer HEALTH = Answer.of("{\"status\":\"starting\"}");
    private static final Answer ERROR =
            Answer.of("{\"error\":{\"code\":\"STARTING\",\"message\":\"the server is starting, retry in a moment\"}}");
    /** A request's head larger than this is not read further: the answer is the same. */
    private static final int MAX_HEAD = 16 * 1024;
    /** How much of a request's body is read (and dropped) after the answer, at most. */
    private static final long MAX_DRAIN = 1024 * 1024;

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final ServerSocketChannel channel;
    private final int port;

    private StartingServer(ServerSocketChannel channel, int port) {
        this.channel = channel;
        this.port = port;
    }

    /** Listens on {@code host}:{@code port} (0: any free port, see {@link #port()}). */
    public static StartingServer listen(String host, int port) {
        refuseWhenTaken(host, port);
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            channel.bind(new InetSocketAddress(host, port), 128);
            StartingServer server =
                    new StartingServer(channel, ((InetSocketAddress) channel.getLocalAddress()).getPort());
            Thread.ofPlatform().name("ccui-starting").daemon().start(server::accept);
            return server;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Binding with {@code SO_REUSEPORT} would share the port with another server that set it too
     * (a second copy of this app): a plain bind first fails as it always did when the port is taken.
     */
    private static void refuseWhenTaken(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    private void accept() {
        while (channel.isOpen()) {
            try {
                SocketChannel connection = channel.accept();
                Thread.ofVirtual().name("ccui-starting-answer").start(() -> answer(connection));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // One failed accept (the client gave up): the next one is unaffected.
            }
        }
    }

    /** Reads the request's head (for its path), answers 503 and closes the connection. */
    private static void answer(SocketChannel connection) {
        try (Socket socket = connection.socket()) {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            String head = readHead(new BufferedInputStream(socket.getInputStream(), 2048));
            int space = head.indexOf(' ');
            int end = space < 0 ? -1 : head.indexOf(' ', space + 1);
            String target = space < 0 || end < 0 ? "" : head.substring(space + 1, end);
            int query = target.indexOf('?');
            String path = query < 0 ? target : target.substring(0, query);
            OutputStream out = socket.getOutputStream();
            Answer answer = "/api/health".equals(path) ? HEALTH : ERROR;
            out.write(answer.bytes(), 0, head.startsWith("HEAD ") ? answer.headLength() : answer.bytes().length);
            out.flush();
            socket.shutdownOutput();
            // What the client still sends is read and dropped: closing with unread bytes would reset
            // the connection, and the client could lose the answer it has not read yet.
            socket.getInputStream().skip(MAX_DRAIN);
        } catch (SocketTimeoutException e) {
            // A client that sent no request in time gets no answer.
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    /** The request line and headers, up to the blank line (or {@link #MAX_HEAD} bytes, or the end). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            // "\r\n\r\n": the end of the head.
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A whole 503 answer, and where its head ends (a HEAD request gets the head alone). */
    private record Answer(byte[] bytes, int headLength) {
        static Answer of(String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("HTTP/1.1 503 Service Unavailable\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Retry-After: 1\r\n"
                            + "Cache-Control: no-store\r\n"
                            + "X-Content-Type-Options: nosniff\r\n"
                            + "Content-Length: " + body.length + "\r\n"
                            + "Connection: close\r\n"
                            + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] bytes = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, bytes, head.length, body.length);
            return new Answer(bytes, head.length);
        }
    }

    /** Stops answering; requests already accepted get their 503 first. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closed either way.
        }
    }
}
