import { join } from "node:path";
import type { webApi } from "@slack/bolt";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/log/logger.js";
import { ConversationMembership } from "../../src/slack/flows/conversation-membership.js";
import { SlackReaders } from "../../src/slack/flows/slack-readers.js";
import { singleBotToken } from "../../src/slack/installs/bot-tokens.js";
import type { SlackDeps } from "../../src/slack/slack-deps.js";
import type { Store } from "../../src/store/index.js";
import { openTargets } from "../../src/targets/index.js";

/**
 * What the Slack flows need, as the app wires it (main.ts), around a bench's store, with no model key: the
 * report's narrative and the answers are the offline analyst's, as in an app without GEMINI_API_KEY.
 */
export async function benchSlackDeps(store: Store, folder: string): Promise<SlackDeps> {
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(folder, "mpo.db")}` }, { readDotEnv: false });
  return {
    store,
    config,
    logger: silentLogger,
    botToken: "xoxb-bench",
    botTokens: singleBotToken("xoxb-bench"),
    alerts: null,
    membership: new ConversationMembership(),
    readers: new SlackReaders(),
    jobs: { enqueue: async () => undefined },
    targets: await openTargets(config.databaseUrl, config.databasePath),
    schedules: null as unknown as SlackDeps["schedules"],
  };
}

/**
 * A Slack Web API client that answers every call at once, as Slack would: the steps measure the app's own
 * work, not a network. `member` is the channel the asker belongs to (users.conversations); `posted` lists
 * the ts of each chat.postMessage, in order.
 */
export function answeringClient(member: string): { client: webApi.WebClient; posted: string[] } {
  const posted: string[] = [];
  let calls = 0;
  const answer = (path: string): unknown => {
    if (path === "users.conversations") return { ok: true, channels: [{ id: member }] };
    if (path === "users.info") return { ok: true, user: { locale: "en-US", tz: "UTC" } };
    calls += 1;
    const ts = `1700000000.${String(calls).padStart(6, "0")}`;
    if (path === "chat.postMessage") posted.push(ts);
    return { ok: true, ts };
  };
  const method = (path: string): unknown =>
    new Proxy(async () => answer(path), {
      get: (_, name) => (typeof name === "string" ? method(path ? `${path}.${name}` : name) : undefined),
    });
  return { client: method("") as webApi.WebClient, posted };
}
