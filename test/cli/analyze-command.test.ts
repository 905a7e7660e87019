import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

const folder = mkdtempSync(join(tmpdir(), "mpo-cli-"));
const csv = join(folder, "campaigns.csv");
writeFileSync(
  csv,
  [
    "Campaign report",
    "1 March 2024 - 14 March 2024",
    "Day,Campaign,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value",
    ...Array.from({ length: 14 }, (_, i) => {
      const day = `2024-03-${String(i + 1).padStart(2, "0")}`;
      return [`${day},Brand,USD,1000,50,25.00,5,250.00`, `${day},Generic,USD,2000,40,40.00,2,60.00`].join(
        "\n",
      );
    }),
    "Total: Campaigns,,USD,42000,1260,910.00,98,4340.00",
  ].join("\n"),
);

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe("mpo analyze", () => {
  it("prints exactly the documented JSON", async () => {
    const { code, stdout } = await cli("analyze", csv, "--by", "campaign", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["source", "totals", "breakdown"]);
    expect(Object.keys(json.source)).toEqual([
      "file",
      "platform",
      "encoding",
      "delimiter",
      "rows",
      "droppedRows",
      "currency",
      "dateRange",
      "columns",
      "extraMeasures",
      "warnings",
      "totalsCheck",
    ]);
    expect(json.source).toMatchObject({
      file: "campaigns.csv",
      platform: "google_ads",
      rows: 28,
      droppedRows: [{ line: 32, reason: 'summary row "Total: Campaigns"' }],
      currency: "USD",
      dateRange: { from: "2024-03-01", to: "2024-03-14" },
      totalsCheck: { label: "Total: Campaigns", line: 32, matched: true, contradicted: false },
    });
    const expected = {
      spend: 910,
      impressions: 42000,
      clicks: 1260,
      conversions: 98,
      revenue: 4340,
      sessions: null,
      engaged_sessions: null,
      key_events: null,
      ctr: 0.03,
      cpc: 910 / 1260,
      cpm: 910 / 42,
      cvr: 98 / 1260,
      cpa: 910 / 98,
      roas: 4340 / 910,
      aov: 4340 / 98,
      engagement_rate: null,
    };
    expect(Object.keys(json.totals)).toEqual(Object.keys(expected));
    for (const [metric, value] of Object.entries(expected)) {
      if (value === null) expect(json.totals[metric], metric).toBeNull();
      else expect(json.totals[metric], metric).toBeCloseTo(value, 12);
    }
    expect(json.breakdown.map((row: { key: string; spend: number }) => [row.key, row.spend])).toEqual([
      ["Generic", 560],
      ["Brand", 350],
    ]);
  });

  it("leaves the breakdown out without --by, and nulls absent measures", async () => {
    const plain = join(folder, "plain.csv");
    writeFileSync(plain, "Campaign,Cost\nA,1\nB,2\n");
    const json = JSON.parse((await cli("analyze", plain, "--json")).stdout);
    expect(json.breakdown).toBeUndefined();
    expect(json.totals).toMatchObject({ spend: 3, clicks: null, cpc: null, roas: null });
    expect((await cli("analyze", plain)).stdout).toContain(
      "Period: no dates in the file · Currency: not stated",
    );
  });

  it("prints a human summary with currency, percentages and signed changes", async () => {
    const { code, stdout } = await cli("analyze", csv, "--by", "campaign");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "campaigns.csv: Google Ads, UTF-8, comma-separated, 28 rows, 1 summary/note rows dropped",
    );
    expect(stdout).toContain('✓ The rows add up to the file\'s own "Total: Campaigns" row');
    expect(stdout).toContain(
      "Spend $910.00 · Impressions 42,000 · Clicks 1,260 · Conversions 98 · Revenue $4,340.00",
    );
    expect(stdout).toContain("CTR 3.00%");
    expect(stdout).toContain("ROAS 4.77x");
    expect(stdout).toMatch(/2024-03-08 to 2024-03-14 vs 2024-03-01 to 2024-03-07: Spend ±0\.0%/);
    expect(stdout).toMatch(/Generic\s+\$560\.00/);
  });

  it("does not print a ratio over an outcome the file exports but never tracks, and says why", async () => {
    const messages = join(folder, "messages.csv");
    writeFileSync(
      messages,
      [
        "Day,Campaign name,Amount spent (USD),Impressions,Link clicks,Conversions,Conversion values",
        ...Array.from({ length: 14 }, (_, i) => {
          const day = `2024-03-${String(i + 1).padStart(2, "0")}`;
          return `${day},Inbox A,12.50,900,30,0,0\n${day},Inbox B,7.50,600,12,0,0`;
        }),
      ].join("\n"),
    );
    const { code, stdout } = await cli("analyze", messages, "--by", "campaign");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Spend $280.00 · Impressions 21,000 · Clicks 588 · Conversions 0 · Revenue $0.00",
    );
    const figureLines = stdout.split("\n").filter((line) => !line.startsWith("Note:"));
    expect(figureLines.join("\n")).not.toMatch(/ROAS|CPA|Conversion rate/);
    expect(stdout).toContain("CTR 2.80% · CPC $0.48 · CPM $13.33\n");
    expect(stdout).toContain(
      "Note: this file reports no conversion value and no conversions (zero on every row though it spent)",
    );
    expect(stdout).toMatch(/vs 2024-03-01 to 2024-03-07: Spend ±0\.0%\n/);
  });

  it("says first, on stdout and stderr, when the figures contradict the file's own total", async () => {
    const doubled = join(folder, "doubled.csv");
    writeFileSync(
      doubled,
      "Campaign,Cost,Clicks\nBrand,10.00,5\nGeneric,20.00,8\nDisplay,12.00,6\nVideo,18.00,7\nTotal: Campaigns,30.00,13\n",
    );
    const json = await cli("analyze", doubled, "--json");
    expect(JSON.parse(json.stdout).source.totalsCheck).toMatchObject({ matched: false, contradicted: true });
    expect(json.stderr).toMatch(/^mpo: warning: the figures do not match the file: its rows add up to twice/);
    const human = await cli("analyze", doubled);
    expect(human.stdout.split("\n")[2]).toMatch(/^✗ The figures do not match the file/);
  });

  it("explains an unreadable file in one line and exits 1", async () => {
    const empty = join(folder, "empty.csv");
    writeFileSync(empty, "");
    const { code, stderr } = await cli("analyze", empty);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^mpo: the file is empty/);
  });

  it("names the dimensions it has when asked for one it has not", async () => {
    const { code, stderr } = await cli("analyze", csv, "--by", "country", "--json");
    expect(code).toBe(1);
    expect(stderr).toMatch(/country/);
    expect(stderr).toMatch(/campaign/);
  });

  it("says a missing file is missing", async () => {
    const { code, stderr } = await cli("analyze", join(folder, "nope.csv"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/no such file/);
  });

  it("answers a mistyped command with usage and exit 2", async () => {
    const { code, stderr } = await cli("analyse", csv);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "analyse"/);
    expect(stderr).toMatch(/usage:/);
  });

  it("runs as a process: one stderr line, no stack trace, non-zero exit", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", "analyze", join(folder, "empty.csv")],
      {
        cwd: join(import.meta.dirname, "../.."),
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
