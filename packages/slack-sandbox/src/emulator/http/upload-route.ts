import type { Context } from "hono";
import { receiveUploadBytes } from "../upload-tickets.js";
import type { Workspaces } from "../workspaces.js";

/**
 * The `upload_url` from `files.getUploadURLExternal`. It takes the raw bytes or a multipart form
 * (@slack/web-api sends the file as a multipart part) and answers `OK - <bytes>`.
 */
export function uploadRoute(workspaces: Workspaces) {
  return async (c: Context): Promise<Response> => {
    const contentType = (c.req.header("content-type") ?? "").toLowerCase();
    let bytes: Buffer;
    if (contentType.startsWith("multipart/form-data")) {
      const form = await c.req.formData();
      const parts: Blob[] = [];
      form.forEach((value) => {
        if (typeof value !== "string") parts.push(value);
      });
      const part = parts[0];
      if (!part) return c.text("no file in the form", 400);
      bytes = Buffer.from(await part.arrayBuffer());
    } else {
      bytes = Buffer.from(await c.req.arrayBuffer());
    }
    const ticket = c.req.param("ticket") ?? "";
    const received = workspaces.all().some(({ ws }) => receiveUploadBytes(ws.store, ticket, bytes));
    if (!received) return c.text("Not Found", 404);
    return c.text(`OK - ${bytes.length}`);
  };
}
