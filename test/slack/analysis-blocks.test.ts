import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleQuestions } from "../../src/agent/offline/answer-describe.js";
import { readExport } from "../../src/ingest/index.js";
import { summarizePerformance } from "../../src/report/performance-summary.js";
import { analysisBlocks } from "../../src/slack/views/analysis-blocks.js";
import { readText } from "../ingest/read-text.js";

function replyOf(csv: string) {
  const dataset = readText(csv, { name: "campaigns.csv" });
  return analysisBlocks(dataset, summarizePerformance(dataset.facts), []);
}

describe("the upload reply", () => {
  it("opens with a warning when the figures contradict the file's own total", () => {
    const blocks = replyOf(
      "Campaign,Cost,Clicks\nBrand,10.00,5\nGeneric,20.00,8\nDisplay,12.00,6\nVideo,18.00,7\nTotal: Campaigns,30.00,13\n",
    );
    expect(blocks[1]).toMatchObject({
      type: "section",
      text: { text: expect.stringMatching(/^:warning: \*These figures do not match the file\.\* .*twice/) },
    });
    const repeated = JSON.stringify(blocks.slice(2)).match(/do not match the file/g);
    expect(repeated).toBeNull();
  });

  it("says nothing of the kind when the rows add up", () => {
    const blocks = replyOf(
      "Campaign,Cost,Clicks\nBrand,10.00,5\nGeneric,20.00,8\nTotal: Campaigns,30.00,13\n",
    );
    expect(JSON.stringify(blocks)).not.toMatch(/do not match/);
    expect(JSON.stringify(blocks[1])).toMatch(/rows add up to the file's own/);
  });
});

describe("the upload reply to a GA4 export", () => {
  const csv = [
    "# Start date: 20250901",
    "# End date: 20250907",
    "Session primary channel group (Default Channel Group),Date,Sessions,Engaged sessions,Engagement rate,Key events,Total revenue",
    ...["01", "02", "03", "04", "05", "06", "07"].flatMap((day, i) => [
      `Organic Search,202509${day},${1000 + i * 10},${600 + i * 5},0.6,${20 + i},${900 + i * 3}.50`,
      `Paid Search,202509${day},${500 + i * 7},${250 + i},0.5,${10 + i},${700 + i}.25`,
      `Direct,202509${day},${300 + i},${200 + i},0.66,${5 + i},${300 + i}.00`,
      `Email,202509${day},${100 + i},${80 + i},0.8,${3 + i},${200 + i}.00`,
    ]),
  ].join("\n");

  it("speaks GA4: sessions, engagement and key events, never spend, ROAS or CPA", () => {
    const dataset = readText(csv, { name: "ga4.csv" });
    const questions = exampleQuestions(dataset);
    const text = JSON.stringify(analysisBlocks(dataset, summarizePerformance(dataset.facts), questions));
    for (const label of ["Sessions", "Engaged sessions", "Engagement rate", "Key events", "Revenue"]) {
      expect(text).toContain(`*${label}*`);
    }
    expect(text).not.toMatch(/spend|ROAS|CPA/i);
    expect(questions.join(" ")).not.toMatch(/spend|roas|cpa/i);
  });
});

describe("the upload reply tells the story first", () => {
  const name = "google-ads-campaign-report.csv";
  const dataset = readExport({
    bytes: readFileSync(join(import.meta.dirname, "../../samples", name)),
    name,
  });
  const blocks = analysisBlocks(
    dataset,
    summarizePerformance(dataset.facts, { statedPeriod: dataset.receipt.dateRange }),
    [],
  );
  const text = JSON.stringify(blocks);

  it("opens with what stands out, before the reading and the figures", () => {
    expect(blocks[0]).toMatchObject({ type: "header" });
    expect(blocks[1]).toMatchObject({
      type: "section",
      text: {
        text: expect.stringMatching(
          /^\*What stands out\*\n• Performance Max - Catalog conversions fell \d+% Sep 18–21 while spend held: check conversion tracking$/,
        ),
      },
    });
    expect(JSON.stringify(blocks[2])).toContain("Read as Google Ads");
  });

  it("shows the month's figures without week-on-week arrows, and the last 7 days on a stated line", () => {
    expect(text).toContain("*Spend*\\n$25,765.68");
    expect(text).not.toMatch(/[▲▼]/);
    expect(text).toMatch(/\*Sep 24–30\* against Sep 17–23: ROAS 3\.04x \(\+26\.6%\)/);
    expect(text).not.toMatch(/Unusual days|Only campaigns that spent/);
  });
});
