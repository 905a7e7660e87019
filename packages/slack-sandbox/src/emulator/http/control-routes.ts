import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { TranscriptChange } from "../store/changes.js";
import { transcriptJson, transcriptOf } from "../store/transcript.js";
import type { Workspace } from "../workspace.js";

/** `GET /_emulator/transcript`: the whole transcript as JSON. */
export function transcriptRoute(ws: Workspace) {
  return (c: Context): Response =>
    c.json(transcriptJson(transcriptOf(ws.store, ws.config), ws.config.baseUrl));
}

/**
 * `GET /_emulator/files/:id`: a file's bytes without a token. This is the emulator's own surface
 * (the sandbox page shows images inline with it), not a Slack URL.
 */
export function fileContentRoute(ws: Workspace) {
  return (c: Context): Response => {
    const file = ws.store.files.get(c.req.param("id") ?? "");
    if (!file) return c.text("Not Found", 404);
    return c.body(new Uint8Array(file.bytes), 200, { "Content-Type": file.mimetype });
  };
}

/** `GET /_emulator/changes`: every transcript change as a server-sent `change` event. */
export function changesRoute(ws: Workspace) {
  return (c: Context): Response =>
    streamSSE(c, async (stream) => {
      const queue: TranscriptChange[] = [];
      let wake = () => {};
      const unsubscribe = ws.store.subscribe((change) => {
        queue.push(change);
        wake();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake();
      });
      await stream.writeSSE({ event: "ready", data: "{}" });
      while (!stream.aborted && !stream.closed) {
        const change = queue.shift();
        if (change) {
          await stream.writeSSE({ event: "change", data: JSON.stringify(change) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      unsubscribe();
    });
}
