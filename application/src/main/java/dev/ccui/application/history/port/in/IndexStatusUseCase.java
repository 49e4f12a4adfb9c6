package dev.ccui.application.history.port.in;

import dev.ccui.domain.history.IndexProgress;

public interface IndexStatusUseCase {

    IndexProgress indexProgress();
}
