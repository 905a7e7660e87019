import { afterEach, describe, expect, it } from "vitest";
import { analyzeExport } from "../../src/ingest/index.js";
import { answerInWorker } from "../../src/slack/flows/answer-in-worker.js";
import { type ScriptedGemini, startScriptedGemini } from "../agent/scripted-gemini.js";
import { smallDataset } from "../agent/small-dataset.js";

let server: ScriptedGemini | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("questions answered with Gemini", () => {
  it("do not hold the parse pool while the model thinks: an upload is read meanwhile", async () => {
    // The model never answers until the server closes: both questions wait on it, as long turns do.
    server = await startScriptedGemini([{ kind: "hang" }, { kind: "hang" }]);
    const config = { gemini: { apiKey: "test-key", model: "gemini-test", baseUrl: server.baseUrl } };
    const limits = {
      maxSteps: 2,
      retry: { attempts: 1, baseDelayMs: 5, maxDelayMs: 10, callTimeoutMs: 60_000 },
    };
    let settled = 0;
    // As many questions as the pool has workers: on a worker each, they would leave none for the upload.
    const questions = [1, 2].map(() =>
      answerInWorker(smallDataset(), {
        question: "spend by campaign",
        config,
        limits,
        today: "2024-03-05",
      }).finally(() => settled++),
    );
    const scripted = server;
    await until(() => scripted.requests.length === 2);

    const upload = await analyzeExport({
      bytes: Buffer.from("Campaign,Cost,Clicks\nBrand,10.00,5\nGeneric,20.00,8\n"),
      name: "upload.csv",
    });
    expect(upload.facts.rowCount).toBe(2);
    expect(settled).toBe(0);

    await scripted.close();
    server = null;
    const answers = await Promise.allSettled(questions);
    expect(answers).toHaveLength(2);
  }, 30_000);
});
