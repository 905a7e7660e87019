import { codeSpan, escapeSlackText, Markup, mention, mrkdwn } from "../format/slack-text.js";
import type { Store, Workspace } from "../store/index.js";
import { hashWorkspaceSecret, makeWorkspaceSecret } from "./webhook-secret.js";

export interface WebhookCommandContext {
  store: Pick<Store, "saveWebhookSecret" | "webhookSecretOf" | "removeWebhookSecret">;
  workspace: Workspace;
  user: string;
}

const WEBHOOK_PATH = "/webhooks/ingest";

// `<` and `>` open a link in mrkdwn, even between backticks.
const HOW_TO_SEND = escapeSlackText(
  [
    `Send live rows with \`POST https://<this app's host>${WEBHOOK_PATH}\` (the host Slack's Request URL names)`,
    'and the header `Authorization: Bearer <secret>`; the body is `{"source": "n8n", "records": [...]}`.',
    "Rows sent with it are this workspace's only: its `/report`, alerts and answers read them, no other workspace does.",
  ].join(" "),
);

const HELP = [
  "*Webhook secret*: how automation tools (n8n, Make, Zapier) send this workspace's live data.",
  "• `/webhook new` — make this workspace's secret (shown once, to you only)",
  "• `/webhook replace` — make a new one; the old one stops working at once",
  "• `/webhook revoke` — stop accepting the current secret",
  "• `/webhook status` — whether this workspace has one, who made it and when",
].join("\n");

/**
 * `/webhook new|replace|revoke|status|help` as plain logic: the listener replies ephemerally, so a new
 * secret is seen only by the person who asked for it, once. The store keeps only its hash.
 */
export async function handleWebhookCommand(text: string, context: WebhookCommandContext): Promise<string> {
  const verb = text.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  switch (verb) {
    case "":
    case "help":
      return HELP;
    case "new":
    case "create": {
      const existing = await context.store.webhookSecretOf(context.workspace);
      if (existing) {
        return `${describe(existing)} \`/webhook replace\` makes a new one (the old one stops working at once); \`/webhook revoke\` removes it.`;
      }
      return issue(context, "This workspace's webhook secret");
    }
    case "replace":
    case "rotate":
      return issue(context, "A new webhook secret replaces the old one, which no longer works");
    case "revoke":
    case "remove":
      return (await context.store.removeWebhookSecret(context.workspace))
        ? "The webhook secret is revoked: deliveries with it are refused from now on. `/webhook new` makes another."
        : "This workspace has no webhook secret to revoke.";
    case "status": {
      const existing = await context.store.webhookSecretOf(context.workspace);
      return existing
        ? `${describe(existing)} ${HOW_TO_SEND}`
        : "This workspace has no webhook secret yet: `/webhook new` makes one.";
    }
    default:
      return `${mrkdwn`I don't know ${codeSpan(`/webhook ${verb}`)}.`}\n\n${HELP}`;
  }
}

async function issue(context: WebhookCommandContext, heading: string): Promise<string> {
  const secret = makeWorkspaceSecret();
  await context.store.saveWebhookSecret({
    workspace: context.workspace,
    secretHash: hashWorkspaceSecret(secret),
    createdBy: context.user,
  });
  return [
    `${heading}. It is shown this once, to you only: copy it into your automation tool's credentials now.`,
    `\`\`\`${secret}\`\`\``,
    HOW_TO_SEND,
  ].join("\n");
}

function describe(existing: { createdBy: string | null; createdAt: string }): string {
  const by = existing.createdBy ? mrkdwn` by ${mention(existing.createdBy)}` : "";
  return mrkdwn`This workspace has a webhook secret, made${new Markup(by)} on ${existing.createdAt.slice(0, 10)} (it is never shown again).`;
}
