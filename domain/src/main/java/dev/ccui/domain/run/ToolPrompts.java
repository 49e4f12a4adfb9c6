package dev.ccui.domain.run;

import dev.ccui.domain.error.InvalidException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two tools through which the CLI asks a person something rather than for leave to act:
 * {@code AskUserQuestion} (questions to answer) and {@code ExitPlanMode} (a plan to approve).
 * Both arrive as permission requests in every permission mode, and what the person says travels
 * back inside the allow answer (see {@code docs/claude-cli.md}, "Questions and plans").
 */
public final class ToolPrompts {
    public static final String ASK_USER_QUESTION = "AskUserQuestion";
    public static final String EXIT_PLAN_MODE = "ExitPlanMode";

    private ToolPrompts() {}

    /** Whether the request asks a person something: such a request is never allowed by a remembered rule. */
    public static boolean isPrompt(RunEvent.PermissionRequest request) {
        return ASK_USER_QUESTION.equals(request.toolName()) || EXIT_PLAN_MODE.equals(request.toolName());
    }

    /** The questions of an {@code AskUserQuestion} request; empty for any other request. */
    public static List<Question> questions(RunEvent.PermissionRequest request) {
        if (!ASK_USER_QUESTION.equals(request.toolName())
                || !(request.input().get("questions") instanceof List<?> asked)) {
            return List.of();
        }
        List<Question> questions = new ArrayList<>();
        for (Object item : asked) {
            if (item instanceof Map<?, ?> question && question.get("question") instanceof String text) {
                questions.add(new Question(
                        text,
                        string(question.get("header")),
                        options(question.get("options")),
                        Boolean.TRUE.equals(question.get("multiSelect"))));
            }
        }
        return List.copyOf(questions);
    }

    /**
     * The Markdown plan of an {@code ExitPlanMode} request. The CLI reads it from the plan file the
     * model wrote and puts it in the request's input; empty for any other request.
     */
    public static Optional<String> plan(RunEvent.PermissionRequest request) {
        return EXIT_PLAN_MODE.equals(request.toolName()) && request.input().get("plan") instanceof String plan
                ? Optional.of(plan)
                : Optional.empty();
    }

    /**
     * The input to allow an {@code AskUserQuestion} with: what the CLI asked plus the answers, each
     * keyed by its question's text.
     */
    public static Map<String, Object> answered(RunEvent.PermissionRequest request, Map<String, String> answers) {
        List<String> asked = questions(request).stream().map(Question::question).toList();
        if (asked.isEmpty()) {
            throw new InvalidException("answers", "only a question (AskUserQuestion) takes answers");
        }
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            if (!asked.contains(answer.getKey())) {
                throw new InvalidException("answers", "answers are keyed by the text of a question asked");
            }
            if (answer.getValue() == null || answer.getValue().isBlank()) {
                throw new InvalidException("answers", "an answer must not be empty");
            }
        }
        Map<String, Object> input = new LinkedHashMap<>(request.input());
        input.put("answers", Map.copyOf(answers));
        return input;
    }

    /**
     * The rule an approved plan leaves for the rest of the session: the permission mode to work in.
     * Only the modes a plan's reviewer chooses between are accepted; leaving plan mode for
     * {@code bypassPermissions} would skip the capability that mode needs.
     */
    public static Map<String, Object> modeAfterPlan(RunEvent.PermissionRequest request, PermissionMode mode) {
        if (!EXIT_PLAN_MODE.equals(request.toolName())) {
            throw new InvalidException("permissionMode", "only a plan (ExitPlanMode) takes a permission mode");
        }
        if (mode != PermissionMode.DEFAULT && mode != PermissionMode.ACCEPT_EDITS) {
            throw new InvalidException("permissionMode", "a plan is approved into default or acceptEdits");
        }
        return Map.of("type", "setMode", "mode", mode.cliName(), "destination", "session");
    }

    private static List<Question.Option> options(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Question.Option> options = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> option && option.get("label") instanceof String label) {
                options.add(new Question.Option(label, string(option.get("description"))));
            }
        }
        return options;
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }
}
