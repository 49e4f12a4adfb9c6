package dev.ccui.domain.push;

import dev.ccui.domain.error.InvalidException;
import java.util.EnumSet;
import java.util.Set;

/** What a person may choose to be told about on their devices while no tab of the app is open. */
public enum PushTopic {
    APPROVAL_NEEDED("approvalNeeded"),
    QUESTION("question"),
    RUN_FINISHED("runFinished"),
    RUN_FAILED("runFailed");

    private final String wireName;

    PushTopic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PushTopic fromWire(String name) {
        for (PushTopic topic : values()) {
            if (topic.wireName.equals(name)) {
                return topic;
            }
        }
        throw new InvalidException("topics", "unknown notification topic: " + name);
    }

    /**
     * What a person hears of before choosing: what needs them (approvals, questions) and runs
     * that failed; a finished run is routine and would be noise on a phone.
     */
    public static Set<PushTopic> defaults() {
        return EnumSet.of(APPROVAL_NEEDED, QUESTION, RUN_FAILED);
    }
}
