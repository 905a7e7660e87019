import type { Context, Hono } from "hono";
import type { SandboxContext } from "./sandbox-context.js";
import { FILES_PATH } from "./ui-shapes.js";

/** Image types a browser may render inline; anything else is offered as a download. */
const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

function attachmentName(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Uploaded files are whatever a person or the app sent: they are served under a CSP sandbox and only
 * the common bitmap types inline, so an uploaded HTML or SVG file cannot run script on the page's origin.
 */
function fileResponse(
  c: Context,
  bytes: Buffer,
  name: string,
  mimetype: string,
  download: boolean,
): Response {
  const inline = INLINE_IMAGES.has(mimetype) && !download;
  return c.body(new Uint8Array(bytes), 200, {
    "Content-Type": mimetype,
    "Content-Disposition": inline ? "inline" : attachmentName(name),
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=3600",
  });
}

export function addFileRoutes(app: Hono, context: SandboxContext): void {
  app.get(`${FILES_PATH}/:id`, (c) => {
    const file = context.emulator.file(c.req.param("id"));
    if (!file) return c.text("Not Found", 404);
    return fileResponse(c, file.bytes, file.name, file.mimetype, c.req.query("download") !== undefined);
  });

  app.get("/sandbox/samples/:file", (c) => {
    const file = c.req.param("file");
    const bytes = context.samples.read(file);
    if (!bytes) return c.text("Not Found", 404);
    return fileResponse(c, bytes, file, "text/csv", true);
  });
}
