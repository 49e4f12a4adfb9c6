package dev.ccui.domain.workspace.git;

import dev.ccui.domain.error.InvalidException;

/**
 * Which hunk of a file's diff, as its header says ({@code @@ -oldStart,oldLines +newStart,newLines @@}):
 * the four numbers together name it, and stop naming it once the file changed.
 */
public record HunkRange(int oldStart, int oldLines, int newStart, int newLines) {
    public HunkRange {
        if (oldStart < 0 || oldLines < 0 || newStart < 0 || newLines < 0) {
            throw new InvalidException("hunk", "a hunk's lines are not negative");
        }
    }
}
