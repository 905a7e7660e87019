import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/agent/index.js";
import { askCommand } from "../../src/cli/ask-command.js";
import { cli } from "./cli-runner.js";

const folder = mkdtempSync(join(tmpdir(), "mpo-blend-"));
const write = (name: string, lines: string[]) => {
  const path = join(folder, name);
  writeFileSync(path, lines.join("\n"));
  return path;
};
const google = write("google.csv", [
  "Campaign report",
  "1 March 2024 - 2 March 2024",
  "Day,Campaign,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value",
  "2024-03-01,Brand,USD,1000,50,25.00,5,250.00",
  "2024-03-02,Brand,USD,1000,50,35.00,5,150.00",
]);
const meta = write("meta.csv", [
  "Reporting starts,Reporting ends,Day,Campaign name,Ad set name,Amount spent (USD),Impressions,Link clicks,Purchases,Purchases conversion value",
  "2024-03-01,2024-03-02,2024-03-01,Prospecting,Broad,40,4000,80,2,120",
  "2024-03-01,2024-03-02,2024-03-02,Prospecting,Broad,60,5000,90,3,210",
]);
const pounds = write("uk.csv", [
  "Campaign report",
  "1 March 2024 - 2 March 2024",
  "Campaign,Currency code,Impr.,Clicks,Cost,Conversions",
  "Office,GBP,900,30,20.00,2",
]);

describe("mpo with several files", () => {
  it("analyze --json: totals are the blend and source lists each file's receipt", async () => {
    const { code, stdout } = await cli("analyze", google, meta, "--by", "platform", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["source", "currency", "notes", "totals", "breakdown"]);
    expect(json.source.map((s: { file: string; platform: string }) => [s.file, s.platform])).toEqual([
      ["google.csv", "google_ads"],
      ["meta.csv", "meta_ads"],
    ]);
    // Hand sums: spend 25 + 35 + 40 + 60, revenue 250 + 150 + 120 + 210.
    expect(json.totals.spend).toBe(160);
    expect(json.totals.roas).toBeCloseTo(730 / 160, 12);
    expect(json.totals.cpa).toBeCloseTo(160 / 15, 12);
    expect(json.breakdown.map((row: { key: string; spend: number }) => [row.key, row.spend])).toEqual([
      ["Meta Ads", 100],
      ["Google Ads", 60],
    ]);
  });

  it("analyze of one file keeps its documented JSON, source an object", async () => {
    const json = JSON.parse((await cli("analyze", google, "--json")).stdout);
    expect(Array.isArray(json.source)).toBe(false);
    expect(json.source.file).toBe("google.csv");
  });

  it("analyze names the files in scope and refuses two currencies without a rate", async () => {
    const text = await cli("analyze", google, meta);
    expect(text.stdout).toMatch(
      /Files in scope \(2\), blended:\n {2}- google\.csv: Google Ads.*\n {2}- meta\.csv: Meta Ads/,
    );
    const refused = await cli("analyze", google, pounds);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /USD and GBP, and amounts in different currencies are never added: .*--rate GBP:USD=<rate>/,
    );
    const converted = await cli("analyze", google, pounds, "--rate", "GBP:USD=1.5", "--json");
    const json = JSON.parse(converted.stdout);
    expect(json.totals.spend).toBe(60 + 20 * 1.5);
    expect(json.notes.join("\n")).toMatch(/uk\.csv is in GBP: converted to USD at 1\.5 \(the rate you gave/);
    expect((await cli("analyze", google, "--rate", "GBP:USD=1.5")).code).toBe(2);
  });

  it("ask answers blended ROAS across google and meta from both files, and names them", async () => {
    const output = await askCommand([google, meta, "blended ROAS across google and meta"], {
      env: {},
      logger: silentLogger,
      today: "2024-03-05",
      cwd: folder,
    });
    expect(output).toMatch(/ROAS: 4\.56x/);
    expect(output).toMatch(/google\.csv \+ meta\.csv/);
  });
});
