package dev.ccui.adapters.process.alert;

import dev.ccui.application.alert.port.out.Alert;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * What both alert sinks share: {@code offer} only queues (alerting never slows the request or job
 * that raised it), a bounded queue drops with a log line when full, and one worker thread hands
 * each alert to the sink's delivery; closing drains what is queued for a grace period.
 */
final class AlertQueue {
    /** Delivers one alert; false only when interrupted (the worker then stops). */
    interface Delivery {
        boolean deliver(Alert alert);
    }

    private final Logger log;
    private final String channel;
    private final BlockingQueue<Alert> queue;
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;

    AlertQueue(Logger log, String channel, int capacity, Delivery delivery) {
        this.log = log;
        this.channel = channel;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofPlatform()
                .name("ccui-" + channel.replace(' ', '-'))
                .daemon()
                .start(() -> run(delivery));
    }

    void offer(Alert alert) {
        if (closing || !queue.offer(alert)) {
            long total = dropped.incrementAndGet();
            log.warn(
                    "{} queue full or closed: dropped alert {} ({} dropped so far)",
                    channel,
                    alert.fingerprint(),
                    total);
        }
    }

    /** Alerts the queue refused (full or closed). */
    long dropped() {
        return dropped.get();
    }

    private void run(Delivery delivery) {
        while (true) {
            Alert alert;
            try {
                alert = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (alert == null) {
                if (closing) {
                    return;
                }
            } else if (!delivery.deliver(alert)) {
                return;
            }
        }
    }

    /** Stops taking alerts, delivers what is queued for up to {@code grace}, then stops the worker. */
    void close(Duration grace) {
        closing = true;
        try {
            worker.join(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            log.warn("{}: {} alert(s) not delivered at shutdown", channel, queue.size());
        }
    }
}
