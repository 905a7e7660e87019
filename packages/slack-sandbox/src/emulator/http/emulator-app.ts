import { Hono } from "hono";
import type { FaultPlan } from "../faults.js";
import type { Workspace } from "../workspace.js";
import { changesRoute, fileContentRoute, transcriptRoute } from "./control-routes.js";
import { fileRoute, signInPage } from "./file-route.js";
import { loopbackHostOnly } from "./loopback-host-only.js";
import { responseUrlRoute } from "./response-url-route.js";
import { uploadRoute } from "./upload-route.js";
import { webApiRoute } from "./web-api-route.js";

/** Every URL the emulator serves: Slack's own (API, uploads, files, response URLs) and `/_emulator/*`. */
export function emulatorApp(ws: Workspace, faults: FaultPlan): Hono {
  const app = new Hono();
  app.use("*", loopbackHostOnly());
  app.on(["GET", "POST"], "/api/:method", webApiRoute(ws, faults));
  app.post("/upload/v1/:ticket", uploadRoute(ws));
  app.get("/files-pri/:key/download/:name", fileRoute(ws, true));
  app.get("/files-pri/:key/:name", fileRoute(ws, false));
  app.get("/signin", signInPage);
  app.post("/commands/*", responseUrlRoute(ws));
  app.post("/actions/*", responseUrlRoute(ws));
  app.get("/_emulator/transcript", transcriptRoute(ws));
  app.get("/_emulator/files/:id", fileContentRoute(ws));
  app.get("/_emulator/changes", changesRoute(ws));
  return app;
}
