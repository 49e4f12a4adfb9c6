package dev.ccui.application.project.create.port.in;

/**
 * A new empty project folder.
 *
 * @param parent  the absolute folder to create it in (null: the workspaces root)
 * @param name    the new folder's name (one path element)
 * @param gitInit whether to {@code git init} it
 */
public record NewProjectCommand(String parent, String name, boolean gitInit) {}
