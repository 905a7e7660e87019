import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { OncePerJobClient } from "../../src/jobs/once-per-job-client.js";
import { openSqliteJobQueue } from "../../src/jobs/sqlite/sqlite-job-queue.js";
import { silentLogger } from "../../src/log/logger.js";
import { clientLogger, slackClientOptions } from "../../src/slack/slack-client-options.js";
import { BOT_TOKEN, seedChannel, startEmulator } from "../sandbox/helpers.js";

let emulator: SlackEmulator;
let queue: JobQueue;
beforeAll(async () => {
  emulator = await startEmulator();
  queue = openSqliteJobQueue(join(mkdtempSync(join(tmpdir(), "mpo-once-")), "mpo.db"));
});
afterAll(async () => {
  await queue.close();
  await emulator.close();
});

/** The queue as a process sees it that dies right after Slack answered, before noting what it did. */
function dyingAfterSlackAnswers(inner: JobQueue): JobQueue {
  return {
    ...inner,
    finishStep: async () => {
      throw new Error("killed");
    },
  };
}

function client(jobId: string, jobs: JobQueue = queue): OncePerJobClient {
  return new OncePerJobClient(
    BOT_TOKEN,
    { ...slackClientOptions(emulator.apiUrl), logger: clientLogger(silentLogger) },
    {
      id: jobId,
      queue: jobs,
    },
  );
}

/** A job's visible effects, the way its handler makes them: a reply, then a chart in the thread. */
async function handler(slack: OncePerJobClient, channel: string, threadTs: string): Promise<void> {
  const posted = await slack.chat.postMessage({ channel, thread_ts: threadTs, text: "Looking into it…" });
  await slack.chat.update({ channel, ts: posted.ts as string, text: "ROAS is 3.1x" });
  await slack.files.uploadV2({
    channel_id: channel,
    thread_ts: threadTs,
    file_uploads: [{ file: Buffer.from("png"), filename: "roas.png", title: "ROAS by campaign" }],
  });
}

describe("a job's posts to Slack", () => {
  it("happen once however often the job runs", async () => {
    const { user, channel } = seedChannel(emulator, "once");
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "roas?" });
    const { id } = await queue.enqueue({ kind: "answer-question", key: "once-1", payload: null });
    await handler(client(id), channel.id, question.ts);
    await handler(client(id), channel.id, question.ts);
    const replies = emulator.messages({ channel: channel.id, threadTs: question.ts, fromBot: true });
    expect(replies.map((reply) => reply.text)).toEqual(["ROAS is 3.1x", expect.anything()]);
    expect(replies.filter((reply) => reply.files.length > 0)).toHaveLength(1);
  });

  it("are found in the thread when the process died before noting them", async () => {
    const { user, channel } = seedChannel(emulator, "lost-note");
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "roas?" });
    const { id } = await queue.enqueue({ kind: "answer-question", key: "once-2", payload: null });
    await expect(handler(client(id, dyingAfterSlackAnswers(queue)), channel.id, question.ts)).rejects.toThrow(
      "killed",
    );
    await handler(client(id), channel.id, question.ts);
    await handler(client(id), channel.id, question.ts);
    const replies = emulator.messages({ channel: channel.id, threadTs: question.ts, fromBot: true });
    expect(replies.filter((reply) => reply.text === "ROAS is 3.1x")).toHaveLength(1);
    expect(replies.filter((reply) => reply.files.length > 0)).toHaveLength(1);
    expect(replies).toHaveLength(2);
  });

  it("are made again when the earlier run died before Slack had them", async () => {
    const { user, channel } = seedChannel(emulator, "never-posted");
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "roas?" });
    const { id } = await queue.enqueue({ kind: "answer-question", key: "once-3", payload: null });
    // The first run noted the step, then died before its request reached Slack.
    await queue.beginStep(id, "chat.postMessage#1");
    await handler(client(id), channel.id, question.ts);
    const replies = emulator.messages({ channel: channel.id, threadTs: question.ts, fromBot: true });
    expect(replies.map((reply) => reply.text)).toContain("ROAS is 3.1x");
    expect(replies).toHaveLength(2);
  });
});
