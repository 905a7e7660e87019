import type { webApi } from "@slack/bolt";
import { replyToQuestion } from "../../slack/flows/reply-to-question.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { QuestionJob } from "./slack-jobs.js";

/** A question from a thread, a DM, a mention, the assistant or a suggested-question button. */
export async function answerQuestionJob(
  deps: SlackDeps,
  client: webApi.WebClient,
  job: QuestionJob,
): Promise<void> {
  const { place } = job;
  if (
    job.onlyInDataThread &&
    !(await deps.store.datasetForThread(place.channel, place.threadTs, place.workspace))
  )
    return;
  if (job.announce) {
    await client.chat.postMessage({ channel: place.channel, thread_ts: place.threadTs, text: job.announce });
  }
  if (job.assistant && !(await deps.store.getThread(place.channel, place.threadTs, place.workspace))) {
    await client.assistant.threads.setTitle({
      channel_id: place.channel,
      thread_ts: place.threadTs,
      title: job.question.slice(0, 60),
    });
  }
  await replyToQuestion(deps, client, job.question, place);
}
