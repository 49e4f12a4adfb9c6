package dev.ccui.domain.project.create;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.PathConfinement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a clone may come from: an {@code https://} or {@code ssh://} URL, an scp-like
 * {@code user@host:path}, or an absolute local path (or {@code file://} URL, taken as that path),
 * which the use case then confines to the workspaces root like a folder being registered.
 *
 * <p>Everything else is refused before git sees it: git's transport helpers ({@code ext::} runs a
 * command, {@code fd::} reads a descriptor), {@code git://} and plain {@code http://} (no transport
 * security), anything option-like ({@code -u…}, {@code --upload-pack=…}), and URLs with a password in
 * them (it would end up in the audit log and in the clone's {@code .git/config}).
 */
public record CloneSource(Kind kind, String location) {
    public enum Kind {
        REMOTE,
        LOCAL
    }

    private static final int MAX_LENGTH = 2048;
    /** {@code git@github.com:org/repo.git}: a user, a host, and a path that is not option-like. */
    private static final Pattern SCP_LIKE =
            Pattern.compile("[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]{1,253}:[A-Za-z0-9._~/+][A-Za-z0-9._~/+@-]*");

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");

    /** Parses what a user typed; {@code 400 INVALID} (field {@code url}) for anything else. */
    public static CloneSource parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidException("url", "a repository URL or path is required");
        }
        String url = text.strip();
        if (url.length() > MAX_LENGTH || !PathConfinement.isPlainText(url) || hasWhitespace(url)) {
            throw refused("the repository URL holds spaces, control or look-alike characters");
        }
        if (url.startsWith("-")) {
            throw refused("a repository URL cannot start with '-'");
        }
        if (url.startsWith("/")) {
            return local(url);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file://")) {
            String path = url.substring("file://".length());
            if (!path.startsWith("/")) {
                throw refused("a file:// URL must name an absolute path on this server");
            }
            return local(path);
        }
        if (lower.startsWith("https://") || lower.startsWith("ssh://")) {
            return remote(url);
        }
        if (SCP_LIKE.matcher(url).matches() && !url.contains("::")) {
            return new CloneSource(Kind.REMOTE, url);
        }
        throw refused("only https://, ssh:// (or user@host:path) URLs and folders under the workspaces root can be "
                + "cloned");
    }

    private static CloneSource local(String path) {
        if (path.contains("\\") || path.contains("%")) {
            throw refused("a local repository path cannot hold backslashes or percent signs");
        }
        return new CloneSource(Kind.LOCAL, path);
    }

    private static CloneSource remote(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("this is not a valid URL");
        }
        String host = uri.getRawAuthority() == null ? null : uri.getHost();
        if (host == null || !HOST.matcher(host).matches()) {
            throw refused("the URL names no valid host");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw refused("the URL holds a password: use the server's git credential helper or SSH key instead");
        }
        if (uri.getRawPath() == null || uri.getRawPath().length() < 2 || uri.getRawQuery() != null) {
            throw refused("the URL names no repository path");
        }
        return new CloneSource(Kind.REMOTE, url);
    }

    /** The last path element without {@code .git}: the folder name a clone gets when none is given. */
    public String defaultFolderName() {
        String path = location;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(':'));
        String last = cut >= 0 ? path.substring(cut + 1) : path;
        if (last.endsWith(".git")) {
            last = last.substring(0, last.length() - 4);
        }
        return last.isEmpty() ? "repository" : last;
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static InvalidException refused(String message) {
        return new InvalidException("url", message);
    }
}
