package dev.ccui.application.project.create.port.in;

/**
 * A clone into a new project folder.
 *
 * @param url    https, ssh or a local folder under the workspaces root
 * @param parent the absolute folder to clone into (null: the workspaces root)
 * @param name   the new folder's name (null: the repository's name)
 */
public record CloneCommand(String url, String parent, String name) {}
