import { afterEach, describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import {
  type AnalystLogger,
  generateInsights,
  type InsightsSummary,
  InsightsSummarySchema,
} from "../../src/agent/index.js";
import { loadExport } from "../../src/ingest/index.js";
import { analysisJson } from "../../src/report/analysis.js";
import { errorReply, type ScriptedGemini, startScriptedGemini, textReply } from "./scripted-gemini.js";

let server: ScriptedGemini | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const quiet: AnalystLogger = { warn: () => {} };

function summary(): InsightsSummary {
  const json = analysisJson(loadFixture("multi").dataset, { by: "campaign" });
  return InsightsSummarySchema.parse({ ...JSON.parse(JSON.stringify(json)), by: "campaign" });
}

describe("insights from an analysis summary", () => {
  it("are written offline without a key: headline, standouts, next actions", async () => {
    const text = await generateInsights(summary());
    expect(text).toMatch(
      /^## Headline\nSpend \$44,734\.34 · Revenue \$\d{3},\d{3}\.\d\d · Conversions 1,\d{3} · ROAS 3\.\d\dx/,
    );
    expect(text).toContain("- Best ROAS: **Brand Search** at 8.57x");
    expect(text).toContain("- Weakest ROAS: **TopView Test** at 0.55x");
    expect(text).toContain(
      "## Next actions\n1. Cap **TopView Test** and move that budget towards **Brand Search**",
    );
  });

  it("speak GA4 to a GA4 export: its own measures, and nothing about spend", async () => {
    const dataset = await loadExport({ path: "samples/ga4-traffic-acquisition.csv" });
    const json = analysisJson(dataset, { by: "channel" });
    const text = await generateInsights(
      InsightsSummarySchema.parse({ ...JSON.parse(JSON.stringify(json)), by: "channel" }),
    );
    expect(text).toMatch(
      /^## Headline\nRevenue [\d,.]+ · Sessions [\d,]+ · Key events [\d,]+ · Engagement rate [\d.]+%/,
    );
    expect(text).toContain("2. Track key events and revenue weekly");
    expect(text).not.toMatch(/spend|ROAS|CPA/i);
  });

  it("come from Gemini when configured, with figures outside the summary flagged", async () => {
    server = await startScriptedGemini([textReply("## Headline\nSpend $44,734.34 and ROAS 9.9x.")]);
    const text = await generateInsights(summary(), {
      config: { gemini: { apiKey: "key", model: "gemini-test", baseUrl: server.baseUrl } },
      logger: quiet,
    });
    expect(text).toBe(
      "## Headline\nSpend $44,734.34 and ROAS 9.9x.\n\n_Unverified figures (not in the analysis): 9.9x_",
    );
    const body = server.requests[0]?.body;
    expect(body?.systemInstruction?.parts[0]?.text).toContain("## Headline");
    expect(body?.tools).toBeUndefined();
  });

  it("fall back to the offline writer with a note when Gemini fails", async () => {
    server = await startScriptedGemini([errorReply(403, "PERMISSION_DENIED", "Permission denied.")]);
    const text = await generateInsights(summary(), {
      config: { gemini: { apiKey: "key", model: "gemini-test", baseUrl: server.baseUrl } },
      logger: quiet,
    });
    expect(text.split("\n")[0]).toBe(
      "> Gemini refused the request (check GEMINI_API_KEY and GEMINI_MODEL), so this answer comes from the built-in analyst.",
    );
    expect(text).toContain("## Headline");
  });

  it("refuse a summary that is not one", () => {
    expect(InsightsSummarySchema.safeParse({ totals: "lots" }).success).toBe(false);
  });
});
