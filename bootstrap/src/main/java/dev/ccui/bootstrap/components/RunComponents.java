package dev.ccui.bootstrap.components;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.adapters.http.HttpEdge;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.permission.AccountPermissionRuleRoutes;
import dev.ccui.adapters.http.permission.PermissionRuleRoutes;
import dev.ccui.adapters.http.run.RunRoutes;
import dev.ccui.adapters.http.ws.WsEndpoint;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.permission.JdbiPermissionRules;
import dev.ccui.adapters.persistence.run.JdbiNodeHeartbeats;
import dev.ccui.adapters.persistence.run.JdbiQueuedMessages;
import dev.ccui.adapters.persistence.run.JdbiRunEventLog;
import dev.ccui.adapters.persistence.run.JdbiSessionForks;
import dev.ccui.adapters.process.claude.ClaudeCliProbe;
import dev.ccui.adapters.process.claude.CliClaudeRunner;
import dev.ccui.adapters.process.claude.CliRunnerSettings;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.application.permission.PermissionRulesService;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.run.RunService;
import dev.ccui.application.run.port.out.RunCommandRelay;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.bootstrap.config.ClaudeConfig;
import dev.ccui.bootstrap.config.NodeIdFile;
import dev.ccui.bootstrap.config.RunConfig;
import dev.ccui.domain.run.NodeId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Claude runs: the CLI processes this node starts, their events, and the nodes sharing the database. */
public final class RunComponents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunComponents.class);

    private final CliClaudeRunner claude;
    private final RunService runs;
    private final PermissionRulesService rules;
    private final HealthProbe claudeProbe;

    private RunComponents(
            CliClaudeRunner claude, RunService runs, PermissionRulesService rules, HealthProbe claudeProbe) {
        this.claude = claude;
        this.runs = runs;
        this.rules = rules;
        this.claudeProbe = claudeProbe;
    }

    /**
     * @param environment the variables the app was configured from; the runner keeps only the names meant for the CLI
     * @param dataDir     where this node's id is kept unless configured
     */
    public static RunComponents build(
            RunConfig config,
            ClaudeConfig claudeConfig,
            Map<String, String> environment,
            Path dataDir,
            Database database,
            RunRepository runStore,
            ProjectRepository projects,
            SessionProjects sessions,
            ProjectAccess access,
            ProcessSandbox sandbox,
            EventBus events,
            RunCommandRelay relay,
            Auditor auditor,
            UserRepository users,
            Clock clock) {
        var cliEnvironment = new HashMap<>(environment);
        // Transcripts must land where the indexer reads them.
        cliEnvironment.put("CLAUDE_CONFIG_DIR", claudeConfig.configDir().toString());
        var claude = new CliClaudeRunner(
                CliRunnerSettings.defaults(claudeConfig.cliPath(), cliEnvironment)
                        .withCleanup(claudeConfig.cleanup())
                        .withSilenceTimeout(config.silenceTimeout()),
                new ObjectMapper(),
                sandbox);
        // Nodes sharing the database tell their runs apart by this id (kept in the data dir unless configured).
        NodeId node = config.nodeId().map(NodeId::new).orElseGet(() -> NodeIdFile.readOrCreate(dataDir));
        LOG.info("node id {}", node);
        var savedRules = new JdbiPermissionRules(database.jdbi());
        var runs = new RunService(
                claude,
                new JdbiRunEventLog(database.jdbi()),
                runStore,
                new JdbiNodeHeartbeats(database.jdbi()),
                projects,
                sessions,
                events,
                auditor,
                clock,
                config.settings(node),
                access,
                new JdbiQueuedMessages(database.jdbi()),
                new JdbiSessionForks(database.jdbi()),
                users,
                relay,
                savedRules);
        return new RunComponents(
                claude,
                runs,
                new PermissionRulesService(savedRules, access, auditor, clock),
                new ClaudeCliProbe(claudeConfig.cliPath(), claudeConfig.cleanup(), clock, Duration.ofMinutes(5)));
    }

    public RunService runs() {
        return runs;
    }

    public HealthProbe healthProbe() {
        return claudeProbe;
    }

    /** {@code /ws} (the change feed and run frames) and the run routes with their event streams. */
    public List<RouteGroup> routes(HttpEdge edge, ChangeFeedUseCase changes) {
        var routes = new RunRoutes(runs, runs, changes);
        routes.limitedBy(edge.connections());
        return List.of(
                new WsEndpoint(edge.webSockets(), changes, runs, runs, edge.maintenance()),
                routes,
                new PermissionRuleRoutes(rules),
                new AccountPermissionRuleRoutes(rules));
    }

    public void bindGauges(HttpMetrics metrics) {
        metrics.gauge("ccui.runs.active", "active Claude runs on this node", runs::activeRuns);
    }

    /** {@code Main}'s shutdown hook drains and then closes the runner: the runner's own hook must not kill the CLIs first. */
    public void leaveShutdownToOwner() {
        claude.leaveShutdownToOwner();
    }

    /** Ends this node's runs left from before a restart as lost, then beats and watches the other nodes. */
    public void start() {
        runs.recoverAfterRestart();
    }

    /** Ends every claude CLI this node started (their runs end as failed), then stops the runner's timers. */
    @Override
    public void close() {
        runs.close();
        claude.close();
    }
}
