import type { webApi } from "@slack/bolt";
import { mrkdwn } from "../../format/slack-text.js";
import type { FactTable } from "../../ingest/index.js";
import type { Workspace } from "../../store/index.js";
import { recentLiveFacts } from "../../store/recent-live-facts.js";
import type { SlackDeps } from "../slack-deps.js";
import { answerMarkdown, answerNotes, answerText } from "../views/answer-blocks.js";
import { recurringAnswer, scheduleButton } from "../views/schedule-button.js";
import { answerInWorker } from "./answer-in-worker.js";
import { blendForQuestion, blendNote } from "./blend-for-question.js";
import { pacingReply } from "./pacing-reply.js";
import { postAnswer } from "./post-answer.js";
import { type AskedIn, type Asker, readableDataset } from "./readable-datasets.js";
import { describeFailure, failureForPeople } from "./slack-failure.js";
import { asDataset } from "./stored-dataset.js";
import { uploadCharts } from "./upload-charts.js";
import { clearWorking, showWorking } from "./working-status.js";

/** Where the question was asked and by whom; `threadTs` is the question's own ts when it starts a thread. */
export type QuestionPlace = AskedIn & Asker;

const NO_DATA =
  "I don't have any data here yet. Drop an ad-platform export (CSV) in this channel and I'll analyse it; then ask me about it in its thread.";

/**
 * A question in a thread: answered by the analyst from the thread's dataset (else the channel's latest,
 * else in a DM a dataset of a conversation the asker belongs to), with the thread's history, and charts
 * uploaded alongside. The history is stored after each answer, so the conversation survives a restart.
 */
export async function replyToQuestion(
  deps: SlackDeps,
  client: webApi.WebClient,
  question: string,
  place: QuestionPlace,
): Promise<void> {
  const { channel, threadTs } = place;
  const stored = await readableDataset(deps, client, place, place);
  if (!stored) {
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: NO_DATA });
    return;
  }
  const pacing = await pacingReply(deps, question, place);
  if (pacing) {
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: pacing });
    return;
  }
  await showWorking(deps, client, place, "is crunching your numbers…");
  try {
    const thread = await deps.store.getThread(channel, threadTs, place.workspace);
    const blend = await blendForQuestion(deps, question, stored, place.workspace);
    const answered = await answerInWorker(blend?.dataset ?? asDataset(stored), {
      question,
      history: thread?.history[0],
      // Only what the analyst reads of the configuration crosses to the worker.
      config: { gemini: deps.config.gemini },
      live: await liveFacts(deps, place.workspace),
    });
    // What blending did (a repeat counted once, spend without revenue) goes under the answer it shaped.
    const answer = blend ? { ...answered, note: blendNote(answered.note, blend.notes) } : answered;
    await deps.store.bindThread(channel, threadTs, stored.record.id, place.workspace);
    await deps.store.replaceHistory(
      channel,
      threadTs,
      [answer.history as unknown as Record<string, unknown>],
      place.workspace,
    );
    await postAnswer(client, {
      channel,
      threadTs,
      recipient: { user: place.user, team: place.workspace.team },
      markdown: answerMarkdown(answer),
      text: answerText(answer),
      // A recurring summary in a channel's thread can become a weekly delivery there; a DM's may come from
      // elsewhere.
      notes: [
        ...answerNotes(answer),
        ...(place.anyChannel || !recurringAnswer(answer) ? [] : scheduleButton({ question })),
      ],
    });
    await uploadCharts(deps, client, answer.charts, { channel, threadTs });
    if (answer.unverified.length > 0) {
      deps.logger.warn("analyst: figures not found in the tool results", {
        channel,
        figures: answer.unverified,
      });
    }
  } catch (error) {
    deps.logger.error("slack: answering failed", {
      channel,
      thread: threadTs,
      error: describeFailure(error),
    });
    const text = mrkdwn`⚠️ I couldn't answer that (${failureForPeople(error)}). Please try again.`;
    await client.chat.postMessage({ channel, thread_ts: threadTs, text }).catch(() => undefined);
  } finally {
    await clearWorking(deps, client, place);
  }
}

/** Live webhook rows, when there are any, so questions can cover them too. */
async function liveFacts(deps: SlackDeps, workspace: Workspace): Promise<FactTable | undefined> {
  const live = await recentLiveFacts(deps.store, workspace);
  return live.rowCount > 0 ? live : undefined;
}
