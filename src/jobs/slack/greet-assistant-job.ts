import type { webApi } from "@slack/bolt";
import { assistantGreeting } from "../../slack/flows/assistant-greeting.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { GreetingJob } from "./slack-jobs.js";

/** A new assistant thread: the greeting and suggested prompts, from a dataset the person may read. */
export async function greetAssistantJob(
  deps: SlackDeps,
  client: webApi.WebClient,
  job: GreetingJob,
): Promise<void> {
  const greeting = await assistantGreeting(
    deps,
    client,
    { user: job.user, workspace: job.workspace },
    job.contextChannel,
  );
  await client.chat.postMessage({ channel: job.channel, thread_ts: job.threadTs, text: greeting.text });
  await client.assistant.threads.setSuggestedPrompts({
    channel_id: job.channel,
    thread_ts: job.threadTs,
    title: "Try asking",
    prompts: greeting.prompts,
  });
}
