package dev.ccui.application.history.port.in;

import dev.ccui.domain.events.IndexProgress;

public interface IndexStatusUseCase {

    IndexProgress indexProgress();
}
