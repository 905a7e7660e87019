import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateInsights } from "../../src/agent/index.js";
import { type Reader, readerFrom, withReader } from "../../src/format/reader-locale.js";
import { breakdown, totals } from "../../src/metrics/index.js";
import { summaryCharts } from "../../src/report/summary-charts.js";
import { asDataset } from "../../src/slack/flows/stored-dataset.js";
import { answerMarkdown } from "../../src/slack/views/answer-blocks.js";
import { markdownText } from "../../src/slack/views/block-kit.js";
import { homeView } from "../../src/slack/views/home-view.js";
import { reportBlocks } from "../../src/slack/views/report-blocks.js";
import type { StoredDataset } from "../../src/store/index.js";
import { type Harness, shareExport, startHarness } from "./app-harness.js";

/**
 * Issue 16 beyond uploads: `/report`, a question in a thread and App Home work out their figures from a
 * stored dataset in a parse worker. What is posted must be what the main thread made of the same dataset
 * before: the same blocks, answer and chart bytes, for a reader whose figures and hours are written
 * differently from en-US in UTC. The app runs in this process, so spies show this thread no longer does it.
 */
const computedHere = vi.hoisted((): Record<string, number> => ({}));
vi.mock("../../src/report/performance-summary.js", async (actual) =>
  (await import("../slack/count-calls.js")).countingCalls(
    await actual<typeof import("../../src/report/performance-summary.js")>(),
    "summarizePerformance",
    computedHere,
  ),
);
vi.mock("../../src/agent/answer-question.js", async (actual) =>
  (await import("../slack/count-calls.js")).countingCalls(
    await actual<typeof import("../../src/agent/answer-question.js")>(),
    "answerQuestion",
    computedHere,
  ),
);

const repository = join(import.meta.dirname, "../..");
const realExport = join(
  repository,
  "../shared/real-exports/meta-ads-monfrere-daily-age-gender-2024/Meta_Monfrere_2024.csv",
);
if (!existsSync(realExport))
  console.warn(`stored replies e2e: ${realExport} is absent, so its dataset is skipped`);

const QUESTION = "which campaign had the highest spend?";
let harness: Harness;
const anaReads: Reader = readerFrom("pt-BR", "America/Sao_Paulo");

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** The real modules, as the main thread ran them before the work moved (the spies count this thread). */
async function actualModules() {
  const summary = await vi.importActual<typeof import("../../src/report/performance-summary.js")>(
    "../../src/report/performance-summary.js",
  );
  const analyst = await vi.importActual<typeof import("../../src/agent/answer-question.js")>(
    "../../src/agent/answer-question.js",
  );
  return { summarizePerformance: summary.summarizePerformance, answerQuestion: analyst.answerQuestion };
}

/** The `/report` blocks and charts as post-report.ts made them on the main thread. */
async function reportMadeHere(stored: StoredDataset, ana: string) {
  const { summarizePerformance } = await actualModules();
  const { facts, record } = stored;
  return withReader(anaReads, async () => {
    const summary = summarizePerformance(facts, { statedPeriod: record.receipt.dateRange });
    const currency = record.receipt.currency;
    const leaders = summary.leaders;
    const narrative = await generateInsights(
      {
        source: { file: record.name, currency, dateRange: summary.period },
        totals: summary.figures,
        ...(leaders
          ? { breakdown: breakdown(facts, leaders.dimension, { limit: 15 }), by: leaders.dimension }
          : {}),
      },
      { config: harness.app.config, nextActionsOnly: true },
    );
    const blocks = reportBlocks({
      sources: [record.name],
      summary,
      currency,
      narrative,
      requestedBy: ana,
      scheduleValue: "",
    });
    const charts = await summaryCharts(facts, summary, {
      source: record.name,
      dateRange: summary.period,
      currency,
    });
    return { blocks, charts };
  });
}

describe("replies from a stored dataset worked out in the parse worker", () => {
  it.each([
    ["a generated sample", join(repository, "samples/meta-ads-daily-export.csv")],
    ["the real Monfrere export", realExport],
  ])("/report, an answer and App Home are what the main thread made (%s)", async (label, path) => {
    if (!existsSync(path)) return;
    const { emulator, app } = harness;
    // A person of her own per case: who belongs where is cached for a minute, as Slack is asked.
    const ana = emulator.createUser({
      name: `ana-${label.length}`,
      locale: "pt-BR",
      tz: "America/Sao_Paulo",
    }).id;
    const channel = emulator.createChannel({
      name: `stored-${label.length}`,
      members: [ana],
      withBot: true,
    }).id;
    const name = path.split("/").pop() as string;
    const { shared } = await shareExport(emulator, {
      user: ana,
      channel,
      filename: name,
      content: readFileSync(path),
    });
    const workspace = { team: emulator.teamId, enterprise: null };
    const stored = (await app.store.latestDataset(channel, workspace)) as StoredDataset;
    const before = { ...computedHere };

    const seen = emulator.transcript().messages.length;
    await emulator.runSlashCommand({ user: ana, channel, command: "/report", text: "" });
    const report = await emulator.waitFor(
      (transcript) =>
        transcript.messages
          .slice(seen)
          .find((message) => message.channel === channel && /Performance report/.test(message.text)),
      { timeoutMs: 30_000 },
    );
    const charted = await emulator.waitForMessage(
      { channel, threadTs: report.ts, fromBot: true, withFiles: true },
      { timeoutMs: 30_000 },
    );

    const asked = emulator.postMessage({ user: ana, channel, threadTs: shared.ts, text: QUESTION });
    const answer = await emulator.waitFor(
      (transcript) =>
        transcript.messages.find(
          (message) =>
            message.channel === channel &&
            message.threadTs === shared.ts &&
            Number(message.ts) > Number(asked.ts) &&
            message.user === transcript.bot.userId,
        ),
      { timeoutMs: 30_000 },
    );
    const homeBefore = emulator.transcript().homeViews.find((view) => view.user === ana)?.hash;
    emulator.openAppHome(ana);
    const home = await emulator.waitFor(
      () => emulator.transcript().homeViews.find((view) => view.user === ana && view.hash !== homeBefore),
      { timeoutMs: 10_000 },
    );
    expect(computedHere).toEqual(before);

    const expected = await reportMadeHere(stored, ana);
    expect(report.blocks).toEqual(JSON.parse(JSON.stringify(expected.blocks)));
    const files = charted.files.map((id) => emulator.file(id));
    expect(files.map((file) => file?.name)).toEqual(expected.charts.map((chart) => chart.filename));
    expect(files.length).toBeGreaterThan(0);
    files.forEach((file, index) => {
      expect(Buffer.from(file?.bytes ?? []).equals(expected.charts[index]?.png ?? Buffer.alloc(0))).toBe(
        true,
      );
    });

    const { answerQuestion } = await actualModules();
    const expectedAnswer = await withReader(anaReads, () =>
      answerQuestion({ question: QUESTION, dataset: asDataset(stored), config: app.config }),
    );
    expect(answer.text).toBe(markdownText(answerMarkdown(expectedAnswer)));

    const records = await app.store.listDatasets({ workspace, channels: [channel], limit: 20 });
    const expectedHome = withReader(anaReads, () =>
      homeView({
        datasets: records,
        latest: { record: stored.record, figures: totals(stored.facts) },
        alertRules: 0,
      }),
    );
    expect(home.blocks).toEqual(JSON.parse(JSON.stringify(expectedHome.blocks)));
  });
});
