import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import {
  type SandboxWorkspace,
  seedSandboxWorkspace,
  startSandboxUi,
  webhookLiveData,
} from "@mpo/slack-sandbox/ui";
import { startBoltApp, startEmulator, webClient } from "../sandbox/helpers.js";
import { type ReceivedAction, registerDemoApp } from "./demo-app.js";
import { startDemoWebhook, WEBHOOK_SECRET } from "./demo-webhook.js";

export interface DemoSandbox {
  emulator: SlackEmulator;
  workspace: SandboxWorkspace;
  url: string;
  /** Interactions the demo app received for buttons the tests post. */
  actions: ReceivedAction[];
  close(): Promise<void>;
}

/** The emulator, the demo app, its webhook and the sandbox page, wired as `main.ts` wires the real ones. */
export async function startDemoSandbox(): Promise<DemoSandbox> {
  const emulator = await startEmulator({ teamName: "Northwind Running Co." });
  const workspace = seedSandboxWorkspace(emulator);
  const actions: ReceivedAction[] = [];
  const bolt = await startBoltApp(emulator, (app) => registerDemoApp(app, actions));
  const webhook = await startDemoWebhook(webClient(emulator), workspace.alerts.id);
  const ui = await startSandboxUi({
    emulator,
    userId: workspace.user.id,
    defaultChannel: workspace.marketing.id,
    alerts: { channel: workspace.alerts.id, rule: "roas < 2 window 24h by campaign" },
    simulateLiveData: webhookLiveData({ url: webhook.url, secret: WEBHOOK_SECRET }),
  });
  return {
    emulator,
    workspace,
    url: ui.url,
    actions,
    close: async () => {
      await ui.close();
      await webhook.close();
      await bolt.stop();
      await emulator.close();
    },
  };
}
