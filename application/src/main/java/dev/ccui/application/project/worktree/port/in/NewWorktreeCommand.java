package dev.ccui.application.project.worktree.port.in;

/**
 * @param branch     an existing branch to check out, or the new branch's name
 * @param newBranch  create {@code branch} from {@code startPoint}
 * @param startPoint where a new branch starts (null: the parent's HEAD)
 * @param name       the folder's name (null: the parent's name and the branch)
 * @param parent     the absolute folder to create it in (null: beside the parent project)
 */
public record NewWorktreeCommand(String branch, boolean newBranch, String startPoint, String name, String parent) {}
