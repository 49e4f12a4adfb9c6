package dev.ccui.adapters.process.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ccui.application.alert.port.out.Alert;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/**
 * Against a real SMTP server (SubEthaSMTP) on loopback that requires STARTTLS before anything and
 * AUTH before MAIL, with a certificate made for this test run.
 */
class SmtpAlertSinkTest {
    private static final String USER = "alerts@ops.example";
    private static final String PASSWORD = "s3cret-smtp-password-never-logged";
    private static final Instant AT = Instant.parse("2026-12-03T07:30:00Z");
    private static final Alert FIRING = new Alert(
            Alert.Kind.ERROR_RATE,
            Alert.Severity.CRITICAL,
            "High server error rate",
            "12.0 % of 50 requests in the last minute failed with 5xx (threshold 5.0 %)",
            AT,
            "error-rate",
            false);
    private static final Alert RESOLVED = new Alert(
            Alert.Kind.ERROR_RATE,
            Alert.Severity.INFO,
            "Server error rate back to normal",
            "0.0 % of 40 requests in the last minute",
            AT.plusSeconds(300),
            "error-rate",
            true);

    @TempDir
    static Path dir;

    private static SSLContext serverTls;
    private static SSLContext clientTls;

    private Wiser server;
    private SmtpAlertSink sink;
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final List<Boolean> tlsAtLogin = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void certificate() throws Exception {
        Path keystore = dir.resolve("smtp.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "smtp",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("smtp", ks.getCertificate("smtp"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
    }

    private int startServer(boolean offerTls) {
        SMTPServer.Builder builder = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    logins.add(user);
                    // The session is the message context: was the password sent inside TLS?
                    tlsAtLogin.add(((Session) context).getSocket() instanceof SSLSocket);
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
                    }
                }));
        if (offerTls) {
            builder.enableTLS().requireTLS().startTlsSocketFactory(serverTls);
        }
        server = Wiser.create(builder);
        server.start();
        return server.getServer().getPortAllocated();
    }

    private SmtpSettings settings(int port, SmtpSettings.Security security, String password, int maxPerHour)
            throws Exception {
        return new SmtpSettings(
                "localhost",
                port,
                security,
                USER,
                password,
                new InternetAddress("ccui-alerts@ops.example"),
                List.of(new InternetAddress("oncall@ops.example"), new InternetAddress("lead@ops.example")),
                maxPerHour,
                Duration.ofSeconds(5));
    }

    private void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(SmtpAlertSink.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(SmtpAlertSink.class)).detachAppender(logs);
        if (sink != null) {
            sink.close(Duration.ofSeconds(5));
        }
        if (server != null) {
            server.stop();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String raw(WiserMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.getMimeMessage().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mailsTheIncidentAndItsResolutionOverStartTlsWithAuth() throws Exception {
        int port = startServer(true);
        sink = new SmtpAlertSink(
                settings(port, SmtpSettings.Security.STARTTLS, PASSWORD, 20),
                Clock.systemUTC(),
                clientTls.getSocketFactory());

        sink.send(FIRING);
        sink.send(RESOLVED);
        // Two messages x two recipients; the sink counts a mail once the server's answer reached it,
        // which can be just after the server holds the message.
        await(() -> server.getMessages().size() == 4 && sink.delivered() == 2);

        List<WiserMessage> received = server.getMessages();
        System.out.println("=== the incident mail as the SMTP server received it ===\n" + raw(received.get(0)));
        System.out.println("=== the resolution mail as the SMTP server received it ===\n" + raw(received.get(2)));
        assertThat(received)
                .extracting(WiserMessage::getEnvelopeReceiver)
                .containsExactly("oncall@ops.example", "lead@ops.example", "oncall@ops.example", "lead@ops.example");
        assertThat(received).extracting(WiserMessage::getEnvelopeSender).containsOnly("ccui-alerts@ops.example");
        MimeMessage incident = received.get(0).getMimeMessage();
        MimeMessage resolution = received.get(2).getMimeMessage();
        assertThat(incident.getSubject()).isEqualTo("[ccui CRITICAL] High server error rate");
        assertThat(String.valueOf(incident.getContent()))
                .contains("12.0 % of 50 requests", "status:      firing", "fingerprint: error-rate", "docs/runbook.md");
        assertThat(incident.getHeader("X-CCUI-Alert-Status", null)).isEqualTo("firing");
        assertThat(resolution.getSubject()).isEqualTo("[ccui RESOLVED] Server error rate back to normal");
        assertThat(String.valueOf(resolution.getContent())).contains("status:      resolved");
        // The resolution threads under the incident in every mail client.
        assertThat(resolution.getHeader("In-Reply-To", null)).isEqualTo(incident.getMessageID());
        assertThat(logins).containsOnly(USER);
        assertThat(tlsAtLogin).isNotEmpty().containsOnly(true);
        assertThat(sink.delivered()).isEqualTo(2);
    }

    @Test
    void aServerWithoutStartTlsGetsNeitherTheCredentialsNorTheAlert() throws Exception {
        int port = startServer(false);
        captureLogs();
        sink = new SmtpAlertSink(
                settings(port, SmtpSettings.Security.STARTTLS, PASSWORD, 20),
                Clock.systemUTC(),
                clientTls.getSocketFactory());

        sink.send(FIRING);
        await(() -> sink.dropped() == 1);

        assertThat(server.getMessages()).isEmpty();
        assertThat(logins).isEmpty();
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("alert mail for error-rate failed", "STARTTLS"));
    }

    @Test
    void aRefusedPasswordIsReportedWithoutEverBeingLogged() throws Exception {
        int port = startServer(true);
        captureLogs();
        String wrong = "wrong-password-that-must-not-appear";
        sink = new SmtpAlertSink(
                settings(port, SmtpSettings.Security.STARTTLS, wrong, 20),
                Clock.systemUTC(),
                clientTls.getSocketFactory());

        sink.send(FIRING);
        await(() -> sink.dropped() == 1);

        assertThat(server.getMessages()).isEmpty();
        assertThat(logins).containsExactly(USER); // tried once: a refused password is not retried
        List<String> lines =
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("failed", "AuthenticationFailedException"));
        assertThat(String.join("\n", lines)).doesNotContain(wrong).doesNotContain(PASSWORD);
        assertThat(settings(port, SmtpSettings.Security.STARTTLS, wrong, 20).toString())
                .doesNotContain(wrong);
    }

    @Test
    void theHourlyBudgetHoldsBackAFloodAndTheNextMailSaysSo() throws Exception {
        int port = startServer(true);
        Clock clock = new MutableClock(AT);
        sink = new SmtpAlertSink(
                settings(port, SmtpSettings.Security.STARTTLS, PASSWORD, 2), clock, clientTls.getSocketFactory());

        for (int i = 0; i < 5; i++) {
            sink.send(new Alert(
                    Alert.Kind.RUN_CRASHED,
                    Alert.Severity.WARNING,
                    "A run crashed " + i,
                    "run " + i,
                    AT,
                    "run-crashed-" + i,
                    false));
        }
        await(() -> sink.delivered() + sink.dropped() == 5);
        assertThat(sink.delivered()).isEqualTo(2);
        assertThat(sink.dropped()).isEqualTo(3);

        ((MutableClock) clock).now = AT.plus(Duration.ofMinutes(61));
        sink.send(FIRING);
        await(() -> sink.delivered() == 3);
        MimeMessage next =
                server.getMessages().get(server.getMessages().size() - 1).getMimeMessage();
        assertThat(String.valueOf(next.getContent())).contains("3 earlier alert(s) were not mailed");
    }

    @Test
    void settingsComeFromTheEnvironmentAndNameWhatIsWrong() {
        assertThat(SmtpSettings.fromVariables(Map.<String, String>of()::get)).isEmpty();
        SmtpSettings s = SmtpSettings.fromVariables(Map.of(
                        "CCUI_ALERT_SMTP_HOST",
                        "smtp.example.com",
                        "CCUI_ALERT_SMTP_USER",
                        "u",
                        "CCUI_ALERT_SMTP_PASSWORD",
                        "pw-xyz",
                        "CCUI_ALERT_SMTP_FROM",
                        "a@example.com",
                        "CCUI_ALERT_SMTP_TO",
                        "b@example.com, c@example.com")::get)
                .orElseThrow();
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(s.to()).hasSize(2);
        assertThat(s.maxPerHour()).isEqualTo(20);
        assertThat(s.toString()).doesNotContain("pw-xyz");
        assertThat(SmtpSettings.fromVariables(Map.of(
                        "CCUI_ALERT_SMTP_HOST",
                        "h",
                        "CCUI_ALERT_SMTP_TLS",
                        "implicit",
                        "CCUI_ALERT_SMTP_FROM",
                        "a@example.com",
                        "CCUI_ALERT_SMTP_TO",
                        "b@example.com")::get))
                .map(SmtpSettings::port)
                .contains(465);
        Optional<String> problem = Optional.empty();
        try {
            SmtpSettings.fromVariables(Map.of(
                    "CCUI_ALERT_SMTP_HOST",
                    "h",
                    "CCUI_ALERT_SMTP_TLS",
                    "maybe",
                    "CCUI_ALERT_SMTP_USER",
                    "u",
                    "CCUI_ALERT_SMTP_TO",
                    "not an address")::get);
        } catch (IllegalArgumentException e) {
            problem = Optional.of(e.getMessage());
        }
        assertThat(problem)
                .hasValueSatisfying(text -> assertThat(text)
                        .contains(
                                "CCUI_ALERT_SMTP_TLS",
                                "CCUI_ALERT_SMTP_PASSWORD is required",
                                "CCUI_ALERT_SMTP_FROM is required",
                                "CCUI_ALERT_SMTP_TO entry"));
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
