package dev.ccui.application.history.port.in;

import dev.ccui.domain.history.HistoryMessage;
import java.util.List;

/**
 * A page of a session's history, oldest first within the page. {@code nextBefore} fetches the
 * older page before it (null when this page reaches the start), {@code nextAfter} the newer page
 * after it (null when it reaches the newest message).
 */
public record MessagesPage(List<HistoryMessage> items, Long nextBefore, Long nextAfter) {
    public MessagesPage {
        items = List.copyOf(items);
    }
}
