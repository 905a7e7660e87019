import { webApi } from "@slack/bolt";
import type { JobId, JobQueue } from "./job-queue.js";

/**
 * The Web API calls that put something in front of people; everything else is safe to repeat. A streamed
 * answer is two steps: its start posts the message, its stop finalises it (and may add blocks).
 */
const VISIBLE_CALLS = new Set([
  "chat.postMessage",
  "chat.startStream",
  "chat.stopStream",
  "files.completeUploadExternal",
]);
/** What marks a message as a step of a job, so a rerun can find it (Slack's message metadata). */
const STEP_MARK = "mpo_job_step";

type CallResult = webApi.WebAPICallResult & Record<string, unknown>;
type Args = Record<string, unknown>;

interface SlackMessage {
  ts?: string;
  text?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: { job?: JobId | number; step?: string } };
  files?: Array<{ id?: string; title?: string }>;
}

/**
 * The Web API client a job's handler talks to Slack with. Each message post and each file share is a
 * step of the job, numbered in the order the handler makes them: a step done in an earlier run of the job
 * returns what it returned then instead of posting again, and a step whose outcome was lost (the process
 * died while Slack was answering) is looked for in the conversation first. Edits (chat.update) are safe
 * to repeat and pass through.
 */
export class OncePerJobClient extends webApi.WebClient {
  private steps = 0;

  constructor(
    token: string | undefined,
    options: webApi.WebClientOptions,
    private readonly job: { id: JobId; queue: JobQueue },
  ) {
    super(token, options);
  }

  override async apiCall(method: string, options: Args = {}): Promise<CallResult> {
    if (!VISIBLE_CALLS.has(method)) return (await super.apiCall(method, options)) as CallResult;
    this.steps += 1;
    const step = `${method}#${this.steps}`;
    const { id, queue } = this.job;
    const known = await queue.beginStep(id, step);
    if (known.state === "done") return known.result as CallResult;
    if (known.state === "uncertain") {
      if (method === "chat.stopStream") return this.stopAgain(options, step);
      const found = await this.findEarlier(method, options, step);
      if (found) {
        await queue.finishStep(id, step, found);
        return found;
      }
    }
    const marked =
      method === "chat.postMessage" && options.metadata === undefined
        ? { ...options, metadata: { event_type: STEP_MARK, event_payload: { job: id, step } } }
        : options;
    const result = (await super.apiCall(method, marked)) as CallResult;
    await queue.finishStep(id, step, remembered(method, result));
    return result;
  }

  /** A stop whose outcome was lost is tried again; a stream Slack says is already stopped was stopped. */
  private async stopAgain(options: Args, step: string): Promise<CallResult> {
    const done = { ok: true, channel: options.channel, ts: options.ts } as CallResult;
    try {
      await super.apiCall("chat.stopStream", options);
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error !== "message_not_in_streaming_state")
        throw error;
    }
    await this.job.queue.finishStep(this.job.id, step, done);
    return done;
  }

  /** The message an earlier run of this step posted, if Slack has it. */
  private async findEarlier(method: string, options: Args, step: string): Promise<CallResult | null> {
    const channel = String(options.channel ?? options.channel_id ?? "");
    const threadTs = typeof options.thread_ts === "string" ? options.thread_ts : undefined;
    if (!channel) return null;
    const page = threadTs
      ? await this.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 200 })
      : await this.conversations.history({ channel, include_all_metadata: true, limit: 200 });
    const messages = (page.messages ?? []) as SlackMessage[];
    if (method === "chat.postMessage") {
      const earlier = messages.find(
        (message) =>
          message.metadata?.event_type === STEP_MARK &&
          String(message.metadata.event_payload?.job) === this.job.id &&
          message.metadata.event_payload?.step === step,
      );
      return earlier?.ts ? { ok: true, channel, ts: earlier.ts } : null;
    }
    if (method === "chat.startStream") {
      // A stream carries no metadata when it starts: the bot's message in the thread with this text is it.
      const text = String(options.markdown_text ?? "");
      const earlier = messages.find(
        (message) => message.bot_id && text !== "" && message.text?.startsWith(text.slice(0, 500)),
      );
      return earlier?.ts ? { ok: true, channel, ts: earlier.ts } : null;
    }
    // A file share carries no metadata: the bot's message in the thread with exactly these titles is it.
    const titles = sortedTitles((options.files ?? []) as Array<{ title?: string }>);
    const earlier = messages.find(
      (message) => message.bot_id && message.files && sortedTitles(message.files) === titles,
    );
    return earlier ? { ok: true, files: earlier.files } : null;
  }
}

/** What a rerun needs of a step's answer: where the message is, or which files were shared. */
function remembered(method: string, result: CallResult): CallResult {
  if (method !== "files.completeUploadExternal") return { ok: true, channel: result.channel, ts: result.ts };
  const files = (result.files ?? []) as Array<{ id?: string; title?: string }>;
  return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title })) };
}

function sortedTitles(files: ReadonlyArray<{ title?: string }>): string {
  return JSON.stringify(files.map((file) => file.title ?? "").sort());
}
