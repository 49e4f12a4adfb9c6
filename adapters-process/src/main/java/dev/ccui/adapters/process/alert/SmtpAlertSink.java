package dev.ccui.adapters.process.alert;

import dev.ccui.application.alert.port.out.Alert;
import dev.ccui.application.alert.port.out.AlertSink;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails each alert over SMTP: one message when an incident fires and one, threaded as a reply to
 * it, when it resolves ({@code AlertService} already sends each incident once per cool-down).
 * On top of that a mail budget per hour keeps a flapping system from flooding an inbox; alerts
 * over it are counted and named in the next message that goes out. {@link #send} only queues;
 * one worker thread talks to the server. TLS is required unless switched off on purpose, and the
 * password never reaches a log line ({@link SmtpSettings#toString()} hides it).
 */
public final class SmtpAlertSink implements AlertSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpAlertSink.class);
    private static final int MAX_THREADS = 1_000;
    private static final int ATTEMPTS = 3;

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;
    private final AlertQueue queue;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    // Worker-thread state only.
    private final Deque<Instant> sentLastHour = new ArrayDeque<>();
    private int overBudget;
    private final Map<String, String> openIncidentMessageIds = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_THREADS;
        }
    };

    public SmtpAlertSink(SmtpSettings settings, Clock clock) {
        this(settings, clock, null);
    }

    /** {@code tlsSockets}: the TLS socket factory to trust a private CA with (tests); null = the JVM's trust store. */
    public SmtpAlertSink(SmtpSettings settings, Clock clock, SSLSocketFactory tlsSockets) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings, tlsSockets), authenticator(settings));
        this.queue = new AlertQueue(LOG, "alert mail", 100, this::admitAndDeliver);
    }

    @Override
    public void send(Alert alert) {
        queue.offer(alert);
    }

    /** Messages the SMTP server accepted. */
    public long delivered() {
        return delivered.get();
    }

    /** Alerts not mailed: queue full, over the hourly budget, or refused by the server after every attempt. */
    public long dropped() {
        return queue.dropped() + failed.get();
    }

    private static Properties properties(SmtpSettings s, SSLSocketFactory tlsSockets) {
        Properties p = new Properties();
        String proto = s.security() == SmtpSettings.Security.IMPLICIT_TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        String prefix = "mail." + proto + ".";
        p.put(prefix + "host", s.host());
        p.put(prefix + "port", String.valueOf(s.port()));
        p.put(prefix + "connectiontimeout", String.valueOf(s.timeout().toMillis()));
        p.put(prefix + "timeout", String.valueOf(s.timeout().toMillis()));
        p.put(prefix + "writetimeout", String.valueOf(s.timeout().toMillis()));
        p.put(prefix + "auth", String.valueOf(s.username() != null));
        p.put(prefix + "ssl.checkserveridentity", "true");
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            // Required, not opportunistic: a server (or a man in the middle) that does not offer
            // STARTTLS gets no credentials and no alert text in the clear.
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (s.security() == SmtpSettings.Security.IMPLICIT_TLS) {
            p.put(prefix + "ssl.enable", "true");
        }
        if (tlsSockets != null) {
            p.put(prefix + "ssl.socketFactory", tlsSockets);
        }
        return p;
    }

    private static Authenticator authenticator(SmtpSettings s) {
        if (s.username() == null) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.username(), s.password() == null ? "" : s.password());
            }
        };
    }

    private boolean admitAndDeliver(Alert alert) {
        if (!withinBudget()) {
            overBudget++;
            LOG.warn(
                    "alert mail budget of {}/h used up: alert {} not mailed",
                    settings.maxPerHour(),
                    alert.fingerprint());
            failed.incrementAndGet();
            return true;
        }
        return deliver(alert);
    }

    private boolean withinBudget() {
        Instant now = clock.instant();
        while (!sentLastHour.isEmpty() && !sentLastHour.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
            sentLastHour.removeFirst();
        }
        return sentLastHour.size() < settings.maxPerHour();
    }

    /** Tries up to {@value #ATTEMPTS} times with a growing pause; false only when interrupted. */
    private boolean deliver(Alert alert) {
        MimeMessage message;
        try {
            message = message(alert);
        } catch (MessagingException e) {
            LOG.warn("could not build the alert mail for {}: {}", alert.fingerprint(), e.getMessage());
            failed.incrementAndGet();
            return true;
        }
        sentLastHour.addLast(clock.instant());
        Retries.Result result =
                Retries.deliver(LOG, "alert mail", alert.fingerprint(), ATTEMPTS, Duration.ofSeconds(1), attempt -> {
                    try {
                        Transport.send(message);
                        return null;
                    } catch (MessagingException | RuntimeException e) {
                        // The server's reply or the connection error; never the settings (they hold the password).
                        return new Retries.Failure(
                                e.getClass().getSimpleName() + ": "
                                        + String.valueOf(e.getMessage()).strip(),
                                permanent(e));
                    }
                });
        if (result.delivered()) {
            delivered.incrementAndGet();
            overBudget = 0;
            LOG.debug("alert {} mailed (attempt {})", alert.fingerprint(), result.attempts());
        } else if (!result.interrupted()) {
            LOG.warn(
                    "alert mail for {} failed via {}:{} after {} attempt(s): {}",
                    alert.fingerprint(),
                    settings.host(),
                    settings.port(),
                    result.attempts(),
                    result.last().outcome());
            // Counted after the line is written: whoever sees the count can read why.
            failed.incrementAndGet();
        }
        return !result.interrupted();
    }

    /** A refused password or a server without the required STARTTLS: trying again cannot help. */
    private static boolean permanent(Exception e) {
        return e instanceof AuthenticationFailedException
                || String.valueOf(e.getMessage()).contains("STARTTLS is required");
    }

    /** The message for {@code alert}; a resolution replies to the incident's message so mail clients thread them. */
    MimeMessage message(Alert alert) throws MessagingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Keep the id set below: the resolution refers to it.
            }
        };
        m.setFrom(settings.from());
        m.setRecipients(Message.RecipientType.TO, settings.to().toArray(InternetAddress[]::new));
        m.setSentDate(Date.from(alert.at()));
        String state = alert.resolved() ? "RESOLVED" : alert.severity().name();
        m.setSubject("[ccui " + state + "] " + alert.title(), StandardCharsets.UTF_8.name());
        String id = "<" + shortHash(alert.fingerprint()) + "." + alert.at().toEpochMilli() + "."
                + (alert.resolved() ? "resolved" : "firing") + "@ccui.alerts>";
        m.setHeader("Message-ID", id);
        m.setHeader("X-CCUI-Alert-Kind", alert.kind().code());
        m.setHeader("X-CCUI-Alert-Status", alert.resolved() ? "resolved" : "firing");
        m.setHeader("X-CCUI-Alert-Fingerprint", alert.fingerprint());
        if (alert.resolved()) {
            String incident = openIncidentMessageIds.remove(alert.fingerprint());
            if (incident != null) {
                m.setHeader("In-Reply-To", incident);
                m.setHeader("References", incident);
            }
        } else {
            openIncidentMessageIds.put(alert.fingerprint(), id);
        }
        m.setText(body(alert), StandardCharsets.UTF_8.name());
        return m;
    }

    private String body(Alert alert) {
        StringBuilder b = new StringBuilder();
        b.append(alert.title()).append("\n\n");
        if (!alert.detail().isEmpty()) {
            b.append(alert.detail()).append("\n\n");
        }
        b.append("status:      ")
                .append(alert.resolved() ? "resolved" : "firing")
                .append('\n');
        b.append("severity:    ").append(alert.severity().code()).append('\n');
        b.append("kind:        ").append(alert.kind().code()).append('\n');
        b.append("at:          ").append(alert.at()).append('\n');
        b.append("fingerprint: ").append(alert.fingerprint()).append('\n');
        if (overBudget > 0) {
            b.append("\n")
                    .append(overBudget)
                    .append(" earlier alert(s) were not mailed: the budget of ")
                    .append(settings.maxPerHour())
                    .append(" mails per hour was used up. See the server log.\n");
        }
        b.append("\n-- \nClaude Code UI alerts. Runbook: docs/runbook.md\n");
        return b.toString();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InternetAddress address(String text) throws AddressException {
        InternetAddress address = new InternetAddress(text, true);
        address.validate();
        return address;
    }

    /** Stops taking alerts, mails what is queued for up to {@code grace}, then stops the worker. */
    public void close(Duration grace) {
        queue.close(grace);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
