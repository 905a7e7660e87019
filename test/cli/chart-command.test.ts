import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

const folder = mkdtempSync(join(tmpdir(), "mpo-chart-"));
const csv = join(folder, "daily.csv");
writeFileSync(
  csv,
  [
    "Date,Campaign,Cost,Clicks,Conversions,Revenue",
    ...Array.from({ length: 28 }, (_, i) => {
      const day = `2024-02-${String(i + 1).padStart(2, "0")}`;
      return `${day},Brand,${20 + (i % 3)},40,4,${90 + i}\n${day},Prospecting – Lookalike Ü,${30 + (i % 5)},30,1,40`;
    }),
  ].join("\n"),
);

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe("mpo chart", () => {
  it.each([
    ["--by", "campaign"],
    ["--over", "week"],
    ["--over", "day"],
  ])("draws a %s %s PNG at twice Slack's width", async (flag, value) => {
    const out = join(folder, `chart-${value}.png`);
    const { code, stdout } = await cli("chart", csv, "--metric", "roas", flag, value, "--out", out);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(out);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(1600);
    const stats = await sharp(out).stats();
    expect(stats.isOpaque).toBe(true);
    expect(stats.channels[0]?.min).toBeLessThan(100);
  });

  it("refuses an unknown metric, listing the ones it knows", async () => {
    const { code, stderr } = await cli("chart", csv, "--metric", "profit", "--out", join(folder, "x.png"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--metric must be one of spend, .*roas, aov/);
  });

  it("refuses --by and --over together", async () => {
    const { code, stderr } = await cli(
      "chart",
      csv,
      "--metric",
      "spend",
      "--by",
      "campaign",
      "--over",
      "day",
      "--out",
      "x.png",
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/not both/);
  });

  it("says a trend needs dates", async () => {
    const undated = join(folder, "undated.csv");
    writeFileSync(undated, "Campaign,Cost\nA,1\nB,2\n");
    const { code, stderr } = await cli(
      "chart",
      undated,
      "--metric",
      "spend",
      "--over",
      "week",
      "--out",
      join(folder, "y.png"),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/no dates/);
  });
});

describe("mpo ask", () => {
  it("answers offline from the file, stating the figure the metrics engine gives", async () => {
    const { code, stdout } = await cli("ask", csv, "what is the total spend?");
    expect(code).toBe(0);
    const spend = Array.from({ length: 28 }, (_, i) => 20 + (i % 3) + 30 + (i % 5)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(stdout).toContain(`Spend: ${spend.toLocaleString("en-US")}.00`);
  });

  it("needs a question", async () => {
    const { code, stderr } = await cli("ask", csv);
    expect(code).toBe(2);
    expect(stderr).toMatch(/expected a file and a question/);
  });
});
