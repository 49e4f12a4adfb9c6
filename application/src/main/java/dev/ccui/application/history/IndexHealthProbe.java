package dev.ccui.application.history;

import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.domain.history.IndexProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/** The transcript index in {@code /api/health}: its state and progress. Never takes the service down. */
public final class IndexHealthProbe implements HealthProbe {
    private final IndexService index;

    public IndexHealthProbe(IndexService index) {
        this.index = index;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public ProbeResult check() {
        IndexProgress p = index.indexProgress();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", p.state());
        details.put("phase", p.phase());
        details.put("filesDone", p.filesDone());
        details.put("filesTotal", p.filesTotal());
        details.put("bytesDone", p.bytesDone());
        details.put("bytesTotal", p.bytesTotal());
        details.put("badLines", p.badLines());
        details.put("lastChangeLagMs", p.lastChangeLagMs());
        if (p.lastScanFinishedAt() != null) {
            details.put("lastScanFinishedAt", p.lastScanFinishedAt().toString());
        }
        return new ProbeResult(ProbeResult.UP, null, details);
    }
}
