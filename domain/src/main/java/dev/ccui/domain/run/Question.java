package dev.ccui.domain.run;

import java.util.List;
import java.util.Objects;

/**
 * One question of the CLI's {@code AskUserQuestion} tool. People may also answer in their own
 * words: the model is told there is always an "Other", so no option stands for it.
 *
 * @param header      a short tag for the question (the CLI asks for at most 12 characters)
 * @param multiSelect several options may be chosen; their labels travel joined with {@code ", "}
 */
public record Question(String question, String header, List<Option> options, boolean multiSelect) {
    public Question {
        Objects.requireNonNull(question, "question");
        header = header == null ? "" : header;
        options = options == null ? List.of() : List.copyOf(options);
    }

    public record Option(String label, String description) {
        public Option {
            Objects.requireNonNull(label, "label");
            description = description == null ? "" : description;
        }
    }
}
