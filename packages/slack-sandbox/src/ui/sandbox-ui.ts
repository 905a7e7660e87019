import { Hono } from "hono";
import type { SlackEmulator } from "../emulator/index.js";
import type { LiveDataResult, UiSlashCommand } from "../protocol.js";
import { addAssetRoutes } from "./asset-routes.js";
import { changeFeedRoute } from "./change-feed.js";
import { channelDirectory } from "./channel-directory.js";
import { addControlRoutes } from "./control-routes.js";
import { addFileRoutes } from "./file-routes.js";
import { sampleCatalog } from "./sample-catalog.js";
import type { SandboxAlerts, SandboxContext } from "./sandbox-context.js";
import { DEFAULT_SLASH_COMMANDS } from "./slash-commands.js";

export interface SandboxUiOptions {
  emulator: SlackEmulator;
  /** The person the page acts as (see `seedSandboxWorkspace`). */
  userId: string;
  /** The channel the page opens on, and the one that offers the sample exports. */
  defaultChannel: string;
  /** Sends a batch of rows to the app's webhook; without it the page's live-data button is disabled. */
  simulateLiveData?: () => Promise<LiveDataResult>;
  /** The alerts channel and the rule the page offers to create there with `/alert add`. */
  alerts?: SandboxAlerts;
  /** The app's slash commands (from its manifest); `/report` and `/alert` by default. */
  commands?: readonly UiSlashCommand[];
  /** Where the sample exports and their `index.json` are; the repository's `samples/` by default. */
  samplesDir?: string;
}

export interface SandboxUi {
  /** The page, its assets and its control API; mount with `app.route("/", ui.routes)`. */
  routes: Hono;
  close(): void;
}

/**
 * The sandbox web UI as Hono routes: the page at `/` and `/sandbox`, its assets under `/sandbox/assets/`,
 * the change stream and the control endpoints under `/sandbox/api/`. It drives the emulator through its
 * public API only, so what the page does is exactly what a Slack client would do.
 */
export function sandboxUi(options: SandboxUiOptions): SandboxUi {
  const { emulator } = options;
  const channels = channelDirectory(emulator);
  const context: SandboxContext = {
    emulator,
    channels,
    userId: options.userId,
    defaultChannel: options.defaultChannel,
    botDm: emulator.openDm(options.userId).id,
    samples: sampleCatalog(options.samplesDir),
    commands: options.commands ?? DEFAULT_SLASH_COMMANDS,
    ...(options.simulateLiveData ? { simulateLiveData: options.simulateLiveData } : {}),
    ...(options.alerts ? { alerts: options.alerts } : {}),
  };
  const routes = new Hono();
  addAssetRoutes(routes, () => `${emulator.transcript().team.name} · Slack sandbox`);
  addFileRoutes(routes, context);
  routes.get("/sandbox/api/events", changeFeedRoute(context));
  addControlRoutes(routes, context);
  return { routes, close: () => channels.close() };
}
