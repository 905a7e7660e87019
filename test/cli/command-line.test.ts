import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STANDARD_DIMENSIONS } from "../../src/ingest/index.js";
import { METRICS } from "../../src/metrics/index.js";
import { cli } from "./cli-runner.js";

const root = join(import.meta.dirname, "../..");
const folder = mkdtempSync(join(tmpdir(), "mpo-command-line-"));
const csv = join(folder, "campaigns.csv");
writeFileSync(
  csv,
  [
    "Day,Campaign,Cost,Clicks,Conversions,Conv. value",
    ...Array.from({ length: 14 }, (_, i) => {
      const day = `2024-03-${String(i + 1).padStart(2, "0")}`;
      return [
        `${day},Brand_Search,25.00,50,5,250.00`,
        `${day},Generic,40.00,40,2,60.00`,
        `${day},Display,30.00,20,1,20.00`,
        `${day},Video,35.00,30,2,90.00`,
      ].join("\n");
    }),
  ].join("\n"),
);

describe("mpo <command> --help", () => {
  it.each([
    ["analyze", ["--by", "--json"]],
    ["chart", ["--metric", "--by", "--over", "--out"]],
    ["ask", []],
    ["serve", []],
  ])("%s --help lists its options, the metrics and the dimensions", async (command, options) => {
    for (const flag of ["--help", "-h"]) {
      const { code, stdout, stderr } = await cli(command, flag);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toMatch(new RegExp(`^usage: mpo ${command}`));
      for (const option of [...options, "--help"]) expect(stdout).toContain(`${option} `);
      expect(stdout).toContain(METRICS.join(", "));
      expect(stdout).toContain(STANDARD_DIMENSIONS.join(", "));
    }
  });

  it("answers --help after other arguments and as mpo help <command>", async () => {
    expect((await cli("analyze", csv, "--by", "campaign", "--help")).stdout).toMatch(/^usage: mpo analyze/);
    expect((await cli("help", "chart")).stdout).toMatch(/^usage: mpo chart/);
  });
});

describe("mpo chart, called wrongly", () => {
  it("says in words that --out is missing and how to give it", async () => {
    const { code, stderr } = await cli("chart", csv, "--metric", "roas");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe(
      "mpo: --out is missing: say which PNG file to write, such as --out chart.png",
    );
    expect(stderr).toContain("mpo chart --help lists its options");
    expect(stderr).not.toMatch(/Invalid input|received undefined/);
  });

  it("says in words that --metric is missing", async () => {
    const { code, stderr } = await cli("chart", csv, "--out", join(folder, "x.png"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^mpo: --metric is missing: say which figure to draw, one of spend, /);
  });
});

describe("mpo ask in a terminal", () => {
  it("prints plain text, not Slack mrkdwn", async () => {
    const { code, stdout } = await cli("ask", csv, "which campaigns should I cut?");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Where to act on campaigns/);
    expect(stdout).toContain("Brand_Search");
    expect(stdout).toMatch(/\nRead as: .* · 2024-03-01 to 2024-03-14 \(all dates in the data\)/);
    expect(stdout).not.toMatch(/(^|\s)[*_][^\s*_]/m);
    expect(stdout).not.toMatch(/&(amp|lt|gt);/);
  });
});

describe("mpo writing into a pipe that closes early", () => {
  it("stops quietly when the reader has read enough (| head -1)", () => {
    const big = join(folder, "big.csv");
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `2024-03-0${(i % 9) + 1},Campaign ${i},${i % 50}.00`,
    );
    writeFileSync(big, ["Date,Campaign,Cost", ...rows].join("\n"));
    const result = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" --import tsx src/cli.ts analyze "${big}" --by campaign --json | head -1; exit "\${PIPESTATUS[0]}"`,
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(result.stdout).toBe("{\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
