package dev.ccui.application.history.port.in;

import dev.ccui.domain.history.SearchHit;
import java.util.Objects;

/** A search hit with the name of its project, so a list of hits across projects says where each is. */
public record SearchResult(SearchHit hit, String projectName) {
    public SearchResult {
        Objects.requireNonNull(hit, "hit");
    }
}
