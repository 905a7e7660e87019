import type { webApi } from "@slack/bolt";
import { exampleQuestions } from "../../agent/index.js";
import { mrkdwn } from "../../format/slack-text.js";
import type { StoredDataset } from "../../store/index.js";
import type { SlackDeps } from "../slack-deps.js";
import { type Asker, mayRead, readableDatasets } from "./readable-datasets.js";
import { asDataset } from "./stored-dataset.js";

const GENERIC_PROMPTS = [
  "What can you do with my ad exports?",
  "Which campaigns should I cut?",
  "Compare this week with last week",
];

export interface AssistantGreeting {
  text: string;
  prompts: Array<{ title: string; message: string }>;
}

/**
 * The assistant's first words: about the newest dataset of the channel the person is looking at, when
 * they belong to it, else of any conversation they belong to, with suggested questions built from it.
 */
export async function assistantGreeting(
  deps: SlackDeps,
  client: webApi.WebClient,
  asker: Asker,
  contextChannel: string | undefined,
): Promise<AssistantGreeting> {
  const stored = await greetingDataset(deps, client, asker, contextChannel);
  const offered = stored ? exampleQuestions(asDataset(stored)).filter(isPlainQuestion) : [];
  const questions = offered.length > 0 ? offered : GENERIC_PROMPTS;
  return {
    text: stored
      ? mrkdwn`Hi! I'm looking at *${stored.record.name}*. Ask me anything about it, or drop another export here.`
      : "Hi! Drop an ad-platform export (CSV) here and I'll analyse it, then ask me anything about it.",
    prompts: questions.slice(0, 4).map((question) => ({ title: question, message: question })),
  };
}

/**
 * A picked prompt is sent as the person's own message, whose escaping is Slack's client's to decide: a
 * question naming a campaign with `<` or `>` in it is not offered, so it can never turn into their
 * broadcast or link.
 */
function isPlainQuestion(question: string): boolean {
  return !/[<>]/.test(question);
}

async function greetingDataset(
  deps: SlackDeps,
  client: webApi.WebClient,
  asker: Asker,
  contextChannel: string | undefined,
): Promise<StoredDataset | null> {
  const inContext = contextChannel ? await deps.store.latestDataset(contextChannel, asker.workspace) : null;
  if (inContext && (await mayRead(deps, client, asker, inContext.record))) return inContext;
  const [newest] = await readableDatasets(deps, client, asker, 1);
  return newest ? deps.store.getDataset(newest.id, asker.workspace) : null;
}
