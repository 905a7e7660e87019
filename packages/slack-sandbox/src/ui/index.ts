/**
 * The local Slack sandbox in a browser: a Slack-like page over the emulator, for `npm start` without
 * Slack credentials. In `main.ts`:
 *
 *   const slack = await startSlackEmulator({ botToken, signingSecret, requestUrl });
 *   const { user, marketing, alerts } = seedSandboxWorkspace(slack);
 *   const ui = sandboxUi({
 *     emulator: slack,
 *     userId: user.id,
 *     defaultChannel: marketing.id,
 *     alerts: { channel: alerts.id, rule: "roas < 2 window 24h by campaign" },
 *     simulateLiveData: webhookLiveData({ url: `${origin}/webhooks/ingest`, secret: webhookSecret }),
 *   });
 *   app.route("/", ui.routes); // the page at http://localhost:3000/
 */

export type { LiveDataResult, UiSlashCommand } from "../protocol.js";
export { liveBatch } from "./live-data/live-rows.js";
export { type WebhookLiveDataOptions, webhookLiveData } from "./live-data/webhook-live-data.js";
export { webhookSignatureHeaders } from "./live-data/webhook-signature.js";
export { DEFAULT_SAMPLES_DIR } from "./sample-catalog.js";
export type { SandboxAlerts } from "./sandbox-context.js";
export { type SandboxUi, type SandboxUiOptions, sandboxUi } from "./sandbox-ui.js";
export { type SandboxWorkspace, type SeedOptions, seedSandboxWorkspace } from "./seed-workspace.js";
export { commandsFromManifest, DEFAULT_SLASH_COMMANDS } from "./slash-commands.js";
export { type RunningSandboxUi, startSandboxUi } from "./start-sandbox-ui.js";
