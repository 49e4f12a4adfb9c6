package dev.ccui.application.history.port.in;

import dev.ccui.application.events.IndexProgress;

public interface IndexStatusUseCase {

    IndexProgress indexProgress();
}
