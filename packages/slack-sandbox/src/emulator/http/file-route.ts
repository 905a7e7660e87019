import type { Context } from "hono";
import type { Workspaces } from "../workspaces.js";

/**
 * `url_private` and `url_private_download`. Without a valid bot token Slack does not refuse with
 * an error: it redirects to its sign-in page, so a client that forgets the token reads HTML.
 */
export function fileRoute(workspaces: Workspaces, download: boolean) {
  return (c: Context): Response => {
    const key = c.req.param("key") ?? "";
    const fileId = key.slice(key.indexOf("-") + 1);
    // The key is `<team>-<file>`: the file belongs to that workspace, and only its bot token reads it.
    const ws = (workspaces.team(key.slice(0, key.indexOf("-"))) ?? workspaces.primary).ws;
    const header = c.req.header("authorization");
    const authorized = ws.config.installed && header === `Bearer ${ws.config.botToken}`;
    ws.store.recordFileAccess({ fileId, authorized, at: Date.now() });
    if (!authorized)
      return c.redirect(`/signin?redir=${encodeURIComponent(new URL(c.req.url).pathname)}`, 302);
    const file = ws.store.files.get(fileId);
    if (!file || key !== `${ws.store.team.id}-${file.id}`) return c.text("Not Found", 404);
    const headers: Record<string, string> = { "Content-Type": file.mimetype };
    if (download) headers["Content-Disposition"] = `attachment; filename="${encodeURIComponent(file.name)}"`;
    return c.body(new Uint8Array(file.bytes), 200, headers);
  };
}

export function signInPage(c: Context): Response {
  return c.html(
    "<!doctype html><html><head><title>Sign in | Slack</title></head><body>Sign in to your workspace</body></html>",
  );
}
