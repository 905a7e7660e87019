import type { Channel, SlackEmulator, User } from "../emulator/index.js";

export interface SandboxWorkspace {
  /** The person the page acts as. */
  user: User;
  /** Where exports are dropped; the page opens here and offers the samples. */
  marketing: Channel;
  /** Where alerts are posted. */
  alerts: Channel;
}

export interface SeedOptions {
  userName?: string;
  realName?: string;
  alertsChannel?: string;
}

/**
 * The people and channels a visitor finds in the sandbox: themselves, a teammate, `#marketing` and an
 * alerts channel, with the app in both (as if it had been invited long ago).
 */
export function seedSandboxWorkspace(emulator: SlackEmulator, options: SeedOptions = {}): SandboxWorkspace {
  const user = emulator.createUser({
    name: options.userName ?? "sam",
    realName: options.realName ?? "Sam Rivera",
    email: "sam@northwind.example",
  });
  const teammate = emulator.createUser({
    name: "priya",
    realName: "Priya Shah",
    email: "priya@northwind.example",
  });
  const marketing = emulator.createChannel({
    name: "marketing",
    members: [user.id, teammate.id],
    withBot: true,
    topic: "Drop ad exports here · mention the analyst with questions",
    purpose: `Paid media performance. Drop a Google Ads, Meta or GA4 export and ${emulator.botMention} replies in its thread.`,
  });
  const alerts = emulator.createChannel({
    name: options.alertsChannel ?? "marketing-alerts",
    members: [user.id, teammate.id],
    withBot: true,
    topic: "Alerts from live webhook data",
    purpose: "Where the analyst posts when an alert rule fires on rows pushed by n8n, Make or Zapier.",
  });
  return { user, marketing, alerts };
}
