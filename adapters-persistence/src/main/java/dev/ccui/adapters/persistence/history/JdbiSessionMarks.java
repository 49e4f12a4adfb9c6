package dev.ccui.adapters.persistence.history;

import static dev.ccui.adapters.persistence.db.Rows.flag;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.application.history.port.out.SessionMarks;
import dev.ccui.domain.session.SessionId;
import org.jdbi.v3.core.Jdbi;

/** People's marks on indexed sessions; the writer's upsert leaves these columns alone. */
public final class JdbiSessionMarks implements SessionMarks {
    private final Jdbi jdbi;

    public JdbiSessionMarks(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void setAppTitle(SessionId id, String title) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET app_title = :title WHERE id = :id")
                .bind("title", title)
                .bind("id", id.value())
                .execute());
    }

    @Override
    public void setHidden(SessionId id, boolean hidden) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET hidden = :hidden WHERE id = :id")
                .bind("hidden", flag(hidden))
                .bind("id", id.value())
                .execute());
    }
}
