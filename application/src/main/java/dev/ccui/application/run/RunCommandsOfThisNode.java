package dev.ccui.application.run;

import dev.ccui.application.run.port.out.RunCommand;
import dev.ccui.application.run.port.out.RunCommandReply;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's side of forwarded commands: each command id is applied once. The relay may
 * deliver a command again (the sender resends until it hears back), and a repeat, even one that
 * arrives while the first is still being applied, gets the first one's reply rather than a second
 * application: a decision resent must not turn into "already decided". The last
 * {@link #REMEMBERED} ids are kept, far more than the seconds a sender resends for.
 */
final class RunCommandsOfThisNode implements Function<RunCommand, RunCommandReply> {
    static final int REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RunCommandsOfThisNode.class);

    private final Function<RunCommand, RunCommandReply> apply;
    private final Map<String, CompletableFuture<RunCommandReply>> replies = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<RunCommandReply>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param apply applies one command here, throwing the failure its caller would get */
    RunCommandsOfThisNode(Function<RunCommand, RunCommandReply> apply) {
        this.apply = apply;
    }

    @Override
    public RunCommandReply apply(RunCommand command) {
        CompletableFuture<RunCommandReply> mine = new CompletableFuture<>();
        CompletableFuture<RunCommandReply> first;
        synchronized (replies) {
            first = replies.putIfAbsent(command.commandId(), mine);
        }
        if (first != null) {
            return first.join();
        }
        RunCommandReply reply;
        try {
            reply = apply.apply(command);
        } catch (CcuiException e) {
            reply = RunCommandReply.failed(e);
        } catch (RuntimeException e) {
            LOG.error("a forwarded {} for run {} failed", command.getClass().getSimpleName(), command.runId(), e);
            reply = RunCommandReply.failed(new UnavailableException("the run's node could not apply the command"));
        }
        mine.complete(reply);
        return reply;
    }
}
