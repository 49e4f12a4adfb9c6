package dev.ccui.adapters.http.workspace;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;
import static dev.ccui.adapters.http.workspace.WorkspaceParams.file;
import static dev.ccui.adapters.http.workspace.WorkspaceParams.folder;
import static dev.ccui.adapters.http.workspace.WorkspaceParams.projectId;

import dev.ccui.adapters.http.BodyRule;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.workspace.files.port.in.FilesUseCase;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.workspace.files.FileContent;
import dev.ccui.domain.workspace.files.FileDownload;
import dev.ccui.domain.workspace.files.FileEntry;
import dev.ccui.domain.workspace.files.FileListing;
import dev.ccui.domain.workspace.files.FolderArchive;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/projects/{projectId}/files…}: listing, reading, writing, creating, deleting, moving,
 * uploading project files and downloading folders as zips.
 */
public final class FileRoutes implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(FileRoutes.class);
    private static final String BASE = "/api/projects/{projectId}/files";
    private final FilesUseCase files;
    private final UploadLimits limits;

    public FileRoutes(FilesUseCase files, UploadLimits limits) {
        this.files = files;
        this.limits = limits;
    }

    /** Room for the multipart framing (boundaries, part headers) around the files' own bytes. */
    private static final long FRAMING_PER_FILE = 1024;

    @Override
    public List<BodyRule> bodyRules() {
        return List.of(new BodyRule(
                "POST", BASE + "/upload", limits.requestBytes() + FRAMING_PER_FILE * limits.files(), limits.files()));
    }

    record Entry(String name, String path, String type, long size, Instant modifiedAt) {
        static Entry of(FileEntry entry) {
            return new Entry(
                    entry.name(),
                    entry.path(),
                    entry.type().name().toLowerCase(Locale.ROOT),
                    entry.size(),
                    entry.modifiedAt());
        }
    }

    record Listing(String path, List<Entry> entries, boolean truncated) {}

    record WriteBody(String content, String baseSha, String encoding) {}

    record CreateBody(String content, String type) {}

    record MoveBody(String from, String to) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(BASE, this::list, Access.USER);
        routes.get(BASE + "/content", this::read, Access.USER);
        routes.put(BASE + "/content", this::write, Access.USER);
        routes.post(BASE + "/content", this::create, Access.USER);
        routes.delete(BASE + "/content", this::delete, Access.USER);
        routes.post(BASE + "/move", this::move, Access.USER);
        routes.post(BASE + "/upload", this::upload, Access.USER);
        routes.get(BASE + "/zip", this::zip, Access.USER);
    }

    private void upload(Context ctx) {
        var folder = folder(ctx);
        try (MultipartUpload upload = new MultipartUpload(ctx, limits)) {
            List<String> written = files.upload(
                    caller(ctx), projectId(ctx), folder, upload::files, flag(ctx, "overwrite"), client(ctx));
            ctx.status(201).json(Map.of("paths", written));
        }
    }

    private void zip(Context ctx) {
        FolderArchive archive = files.zip(caller(ctx), projectId(ctx), folder(ctx));
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", attachment(archive.name() + ".zip"));
        try {
            archive.writeTo(ctx.outputStream());
        } catch (IOException e) {
            // The answer has begun: an error body would be read as the end of the archive. Cutting
            // the connection lets the browser show a failed download rather than a broken zip.
            LOG.warn("zip download of {} ended early: {}", archive.name(), e.getMessage());
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getServletChannel()
                    .abort(e);
        }
    }

    private void list(Context ctx) {
        FileListing listing = files.list(caller(ctx), projectId(ctx), folder(ctx), flag(ctx, "gitignore"));
        ctx.json(new Listing(
                listing.path(), listing.entries().stream().map(Entry::of).toList(), listing.truncated()));
    }

    private void read(Context ctx) throws Exception {
        if (flag(ctx, "download")) {
            FileDownload download = files.download(caller(ctx), projectId(ctx), file(ctx));
            try (InputStream in = download.stream()) {
                // Never rendered by the browser as what it claims to be: a download, in bytes.
                ctx.contentType("application/octet-stream");
                ctx.header("Content-Disposition", attachment(download.name()));
                // The bytes as stored: compressed, they would fall short of the Content-Length and a
                // browser (which asks for gzip) would get a 500 and a failed download.
                ctx.disableCompression();
                ctx.header("Content-Length", Long.toString(download.size()));
                in.transferTo(ctx.outputStream());
            }
            return;
        }
        FileContent content = files.read(caller(ctx), projectId(ctx), file(ctx));
        ctx.json(content);
    }

    private void write(Context ctx) {
        WriteBody body = Json.body(ctx, WriteBody.class);
        String sha = files.write(
                caller(ctx), projectId(ctx), file(ctx), body.content(), body.encoding(), body.baseSha(), client(ctx));
        ctx.json(Map.of("sha", sha));
    }

    private void create(Context ctx) {
        CreateBody body = ctx.body().isBlank() ? new CreateBody(null, null) : Json.body(ctx, CreateBody.class);
        boolean directory;
        if (body.type() == null || body.type().equals("file")) {
            directory = false;
        } else if (body.type().equals("directory")) {
            directory = true;
        } else {
            throw new InvalidException("type", "type must be \"file\" or \"directory\"");
        }
        String path = ctx.queryParam("path");
        String sha = files.create(caller(ctx), projectId(ctx), file(path), body.content(), directory, client(ctx));
        ctx.status(201).json(Map.of("path", path, "sha", sha));
    }

    private void delete(Context ctx) {
        files.delete(caller(ctx), projectId(ctx), file(ctx), flag(ctx, "recursive"), client(ctx));
        ctx.status(204);
    }

    private void move(Context ctx) {
        MoveBody body = Json.body(ctx, MoveBody.class);
        if (body.from() == null || body.to() == null) {
            throw new InvalidException(body.from() == null ? "from" : "to", "from and to are required");
        }
        files.move(caller(ctx), projectId(ctx), file(body.from()), file(body.to()), client(ctx));
        ctx.status(204);
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && (value.equals("true") || value.equals("1"));
    }

    /** An ASCII fallback name and the exact one (RFC 6266), neither able to break out of the header. */
    private static String attachment(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
