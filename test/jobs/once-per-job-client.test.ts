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

/** A streamed answer, as replies are posted: started with the whole text, stopped with a note under it. */
async function streamedAnswer(
  slack: OncePerJobClient,
  place: { channel: string; threadTs: string; user: string },
) {
  const started = await slack.chat.startStream({
    channel: place.channel,
    thread_ts: place.threadTs,
    recipient_user_id: place.user,
    recipient_team_id: emulator.teamId,
    markdown_text: "**ROAS: 3.1x**",
  });
  await slack.chat.stopStream({
    channel: place.channel,
    ts: started.ts as string,
    blocks: [{ type: "context", elements: [{ type: "mrkdwn", text: "a note" }] }],
  });
}

/** Like `dyingAfterSlackAnswers`, for one kind of step only. */
function dyingAfter(inner: JobQueue, method: string): JobQueue {
  return {
    ...inner,
    finishStep: async (id, step, result) => {
      if (step.startsWith(method)) throw new Error("killed");
      await inner.finishStep(id, step, result);
    },
  };
}

describe("a job's streamed answer", () => {
  async function place(name: string) {
    const { user, channel } = seedChannel(emulator, name);
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "roas?" });
    return { channel: channel.id, threadTs: question.ts, user: user.id };
  }

  function answers(where: { channel: string; threadTs: string }) {
    return emulator.messages({ channel: where.channel, threadTs: where.threadTs, fromBot: true });
  }

  it("is one finished message however often the job runs", async () => {
    const where = await place("stream-once");
    const { id } = await queue.enqueue({ kind: "answer-question", key: "stream-1", payload: null });
    await streamedAnswer(client(id), where);
    await streamedAnswer(client(id), where);
    expect(answers(where).map((reply) => [reply.text, reply.stream?.state])).toEqual([
      ["**ROAS: 3.1x**", "completed"],
    ]);
  });

  it("is found by its text and finished when the process died before noting its start", async () => {
    const where = await place("stream-lost-start");
    const { id } = await queue.enqueue({ kind: "answer-question", key: "stream-2", payload: null });
    await expect(streamedAnswer(client(id, dyingAfter(queue, "chat.startStream")), where)).rejects.toThrow(
      "killed",
    );
    expect(answers(where).map((reply) => reply.stream?.state)).toEqual(["in_progress"]);
    await streamedAnswer(client(id), where);
    expect(answers(where).map((reply) => reply.stream?.state)).toEqual(["completed"]);
    expect(answers(where)[0]?.blocks).toHaveLength(1);
  });

  it("is not stopped twice when the process died before noting its stop", async () => {
    const where = await place("stream-lost-stop");
    const { id } = await queue.enqueue({ kind: "answer-question", key: "stream-3", payload: null });
    await expect(streamedAnswer(client(id, dyingAfter(queue, "chat.stopStream")), where)).rejects.toThrow(
      "killed",
    );
    await streamedAnswer(client(id), where);
    await streamedAnswer(client(id), where);
    expect(answers(where).map((reply) => [reply.text, reply.stream?.state])).toEqual([
      ["**ROAS: 3.1x**", "completed"],
    ]);
  });
});
