import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  AlertEvaluationRequests,
  EVALUATE_ALERTS,
  withAlertEvaluations,
} from "../../src/jobs/alerts/alert-evaluation-jobs.js";
import type { ClaimedJob, JobQueue } from "../../src/jobs/job-queue.js";
import { openSqliteJobQueue } from "../../src/jobs/sqlite/sqlite-job-queue.js";
import { silentLogger } from "../sandbox/helpers.js";

const opened: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});

describe("alert evaluations as jobs", () => {
  it("writes one evaluation per slot whichever instance the pushes reach, due when the slot ends", async () => {
    let clock = 10_000;
    const queue = openSqliteJobQueue(join(mkdtempSync(join(tmpdir(), "mpo-alert-jobs-")), "mpo.db"), {
      now: () => clock,
    });
    opened.push(queue);
    let written = 0;
    const instance = () =>
      new AlertEvaluationRequests({
        queue,
        logger: silentLogger(),
        slotMs: 2_000,
        now: () => clock,
        onEnqueued: () => {
          written += 1;
        },
      });
    const [one, two] = [instance(), instance()];
    for (let push = 0; push < 50; push++) (push % 2 === 0 ? one : two).request();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(1);
    expect(await queue.claim("w", 5, 1000)).toEqual([]);
    clock = 12_000;
    const due = await queue.claim("w", 5, 1000);
    expect(due.map((job) => job.kind)).toEqual([EVALUATE_ALERTS]);
    one.request();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(2);
  });

  it("runs the evaluation for its jobs and hands every other job on", async () => {
    const seen: string[] = [];
    const handle = withAlertEvaluations(
      async (job) => {
        seen.push(`handler ${job.kind}`);
      },
      async () => {
        seen.push("evaluated");
      },
    );
    const job = (kind: string): ClaimedJob => ({
      id: "1",
      kind,
      key: kind,
      payload: null,
      attempt: 1,
      maxAttempts: 5,
    });
    await handle(job(EVALUATE_ALERTS));
    await handle(job("answer-question"));
    expect(seen).toEqual(["evaluated", "handler answer-question"]);
  });
});
