package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.HttpEdge;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.audit.AuditRoutes;
import dev.ccui.adapters.http.health.HealthRoutes;
import dev.ccui.adapters.http.maintenance.MaintenanceRoutes;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.maintenance.JdbiMaintenanceStore;
import dev.ccui.application.alert.AlertMonitor;
import dev.ccui.application.alert.AlertService;
import dev.ccui.application.alert.AlertSettings;
import dev.ccui.application.audit.AuditService;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.application.health.HealthService;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.application.maintenance.MaintenanceService;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.bootstrap.Version;
import dev.ccui.bootstrap.config.OperationsConfig;
import java.time.Clock;
import java.util.List;

/** Health, the alert rules that watch it, the audit log's reader, and maintenance mode. */
public final class OperationsComponents implements AutoCloseable {
    private final HealthService health;
    private final AlertMonitor monitor;
    private final AuditService audit;
    private final MaintenanceService maintenance;

    private OperationsComponents(
            HealthService health, AlertMonitor monitor, AuditService audit, MaintenanceService maintenance) {
        this.health = health;
        this.monitor = monitor;
        this.audit = audit;
        this.maintenance = maintenance;
    }

    /** @param probes the health checks of every part (database, Redis, the CLI, the index, the sandbox) */
    public static OperationsComponents build(
            OperationsConfig config,
            AlertSettings alertRules,
            List<HealthProbe> probes,
            AlertService alerts,
            Database database,
            AuditRepository auditLog,
            RunRepository runs,
            Auditor auditor,
            Clock clock) {
        var health = new HealthService(probes, Version.current(), clock);
        // Shared through the database so every node turns read-only together; cached briefly per node.
        var maintenance =
                new MaintenanceService(new JdbiMaintenanceStore(database.jdbi()), auditor, clock, config.maintenance());
        return new OperationsComponents(
                health,
                new AlertMonitor(alerts, health, alertRules),
                new AuditService(auditLog, runs::findById),
                maintenance);
    }

    public HealthService health() {
        return health;
    }

    public AuditService audit() {
        return audit;
    }

    public MaintenanceService maintenance() {
        return maintenance;
    }

    public List<RouteGroup> routes(HttpEdge edge) {
        return List.of(
                new HealthRoutes(health, maintenance, edge.seesHealthDetails()),
                new MaintenanceRoutes(maintenance),
                new AuditRoutes(audit));
    }

    /** The database pool and maintenance mode, read at scrape time. */
    public void bindGauges(HttpMetrics metrics, Database database) {
        metrics.gauge(
                "ccui.db.pool.active",
                "database connections in use",
                () -> database.poolStats().active());
        metrics.gauge(
                "ccui.db.pool.idle",
                "idle database connections",
                () -> database.poolStats().idle());
        metrics.gauge(
                "ccui.maintenance.enabled",
                "1 while maintenance mode makes the API read-only",
                () -> maintenance.state().enabled() ? 1 : 0);
    }

    /** Starts checking health and disk space against the alert rules. */
    public void start() {
        monitor.start();
    }

    @Override
    public void close() {
        monitor.close();
    }
}
