import type { App } from "@slack/bolt";
import type { SlackDeps } from "../slack-deps.js";
import { registerActions } from "./actions/index.js";
import { assistantListener } from "./assistant.js";
import { registerAlertCommand } from "./commands/alert.js";
import { registerReportCommand } from "./commands/report.js";
import { registerTargetCommand } from "./commands/target.js";
import { registerWebhookCommand } from "./commands/webhook.js";
import { registerFileListeners } from "./events/files.js";
import { registerHomeListener } from "./events/home.js";
import { registerMessageListeners } from "./events/messages.js";
import { registerUninstallListeners } from "./events/uninstall.js";

/** Every listener the app has; the assistant first, so messages in its threads are its own. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.assistant(assistantListener(deps));
  registerFileListeners(app, deps);
  registerMessageListeners(app, deps);
  registerHomeListener(app, deps);
  registerReportCommand(app, deps);
  registerAlertCommand(app, deps);
  registerTargetCommand(app, deps);
  registerWebhookCommand(app, deps);
  registerActions(app, deps);
  registerUninstallListeners(app, deps);
}
