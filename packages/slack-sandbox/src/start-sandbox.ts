import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import { type SlackEmulator, startSlackEmulator } from "./emulator/index.js";
import { type SandboxWorkspace, sandboxUi, seedSandboxWorkspace, webhookLiveData } from "./ui/index.js";

export interface Sandbox {
  emulator: SlackEmulator;
  botToken: string;
  signingSecret: string;
  workspace: SandboxWorkspace;
  close(): Promise<void>;
}

/** The rule the sandbox page offers to create in its alerts channel, so alerts can be seen firing. */
const SANDBOX_ALERT_RULE = "roas < 2 window 1d by campaign";

/**
 * The local Slack for `npm start` without credentials: the emulator with a seeded workspace, its own
 * throwaway credentials, and the Slack-like page mounted on the app's one HTTP server.
 */
export async function startSandbox(): Promise<Sandbox> {
  const botToken = `xoxb-sandbox-${randomBytes(12).toString("hex")}`;
  const signingSecret = randomBytes(24).toString("hex");
  const emulator = await startSlackEmulator({ botToken, signingSecret });
  const workspace = seedSandboxWorkspace(emulator);
  return { emulator, botToken, signingSecret, workspace, close: () => emulator.close() };
}

export interface MountOptions {
  /** The sample exports the page offers; the repository's `samples/` by default. */
  samplesDir?: string;
}

/** Points the emulator at the app and serves the page; called once the app's URL is known. */
export function mountSandboxPage(
  sandbox: Sandbox,
  app: { route(path: string, routes: Hono): unknown },
  origin: string,
  webhookSecret: string,
  options: MountOptions = {},
): () => void {
  sandbox.emulator.setRequestUrl(`${origin}/slack/events`);
  const { user, marketing, alerts } = sandbox.workspace;
  const ui = sandboxUi({
    emulator: sandbox.emulator,
    userId: user.id,
    defaultChannel: marketing.id,
    alerts: { channel: alerts.id, rule: SANDBOX_ALERT_RULE },
    simulateLiveData: webhookLiveData({ url: `${origin}/webhooks/ingest`, secret: webhookSecret }),
    samplesDir: options.samplesDir,
  });
  app.route("/", ui.routes);
  return () => ui.close();
}
