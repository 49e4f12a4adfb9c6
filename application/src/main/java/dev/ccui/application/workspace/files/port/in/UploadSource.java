package dev.ccui.application.workspace.files.port.in;

import dev.ccui.domain.workspace.files.IncomingFile;
import java.util.List;

/**
 * The files of an upload request, read from the transport only when asked: the use case asks
 * once the caller may use the project, so a stranger's body is never parsed or stored.
 * Paths are relative to the folder the files are dropped in.
 */
@FunctionalInterface
public interface UploadSource {
    List<IncomingFile> files();
}
