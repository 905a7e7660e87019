import { Hono } from "hono";
import type { FaultPlan } from "../faults.js";
import { authorizeRoute } from "../oauth/authorize-route.js";
import type { InstallCodes } from "../oauth/install-codes.js";
import type { Workspaces } from "../workspaces.js";
import { changesRoute, fileContentRoute, transcriptRoute } from "./control-routes.js";
import { fileRoute, signInPage } from "./file-route.js";
import { loopbackHostOnly } from "./loopback-host-only.js";
import { responseUrlRoute } from "./response-url-route.js";
import { uploadRoute } from "./upload-route.js";
import { webApiRoute } from "./web-api-route.js";

/**
 * Every URL the emulator serves: Slack's own (API, OAuth, uploads, files, response URLs) and `/_emulator/*`,
 * which shows the first workspace (the sandbox page's).
 */
export function emulatorApp(workspaces: Workspaces, faults: FaultPlan, codes: InstallCodes): Hono {
  const primary = workspaces.primary.ws;
  const app = new Hono();
  app.use("*", loopbackHostOnly());
  app.on(["GET", "POST"], "/api/:method", webApiRoute(workspaces, faults, codes));
  app.get("/oauth/v2/authorize", authorizeRoute(workspaces, codes));
  app.post("/upload/v1/:ticket", uploadRoute(workspaces));
  app.get("/files-pri/:key/download/:name", fileRoute(workspaces, true));
  app.get("/files-pri/:key/:name", fileRoute(workspaces, false));
  app.get("/signin", signInPage);
  app.post("/commands/*", responseUrlRoute(workspaces));
  app.post("/actions/*", responseUrlRoute(workspaces));
  app.get("/_emulator/transcript", transcriptRoute(primary));
  app.get("/_emulator/files/:id", fileContentRoute(primary));
  app.get("/_emulator/changes", changesRoute(primary));
  return app;
}
