import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AlertChartInput } from "../../src/alerts/alert-chart.js";
import { hourlySeries } from "../../src/alerts/hourly-series.js";
import { AlertEngine } from "../../src/alerts/index.js";
import { parseRule } from "../../src/alerts/parse-rule.js";
import { trendChartSpec } from "../../src/charts/index.js";
import { readerFrom, withReader } from "../../src/format/reader-locale.js";
import { openSqliteStore, type Store } from "../../src/store/index.js";

const DAY = "2025-05-10";
const at = (time: string) => new Date(`${DAY}T${time}:00Z`);

let folder: string;
let store: Store;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "hourly-chart-"));
  store = openSqliteStore(join(folder, "mpo.db"));
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

/** An automation tool re-sending today's figures for one campaign, as it does each hour. */
async function push(time: string, spend: number, conversions: number) {
  await store.saveLiveBatch({
    source: "n8n",
    receivedAt: at(time),
    records: [
      { kind: "metrics", externalId: "brand-today", date: DAY, campaign: "Brand", spend, conversions },
    ],
  });
}

describe("the push history behind an alert's hourly chart", () => {
  beforeEach(async () => {
    await push("10:05", 100, 4);
    await push("11:05", 220, 5);
    await push("11:40", 220, 5); // the same figures again: a duplicate, not a new push
    await push("12:05", 400, 5);
  });

  it("keeps each push, so the figures can be read as they stood at any moment", async () => {
    const spendAt = async (time: string) => {
      const facts = await store.liveFacts({ asOf: at(time) });
      return facts.rowCount === 0 ? null : Array.from(facts.measures.spend ?? []).reduce((a, b) => a + b, 0);
    };
    expect(await spendAt("09:00")).toBeNull();
    expect(await spendAt("10:30")).toBe(100);
    expect(await spendAt("12:00")).toBe(220);
    expect(await spendAt("13:00")).toBe(400);
    // Without a moment, the live row as last pushed, as before.
    expect(Array.from((await store.liveFacts()).measures.spend ?? [])).toEqual([400]);
  });

  it("gives the rule's figure at the end of each hour, and now", async () => {
    const rule = parseRule("cpa > 50 window 1d");
    const points = await hourlySeries(
      (options) => store.liveFacts(options),
      rule,
      null,
      { from: DAY, to: DAY },
      at("12:30"),
    );
    expect(points.map((point) => [point.period.slice(11, 16), point.cpa])).toEqual([
      ["11:00", 25],
      ["12:00", 44],
      ["12:30", 80],
    ]);
  });

  it("draws the hours on a time-of-day axis", () => {
    const spec = trendChartSpec({
      rows: [
        { period: "2025-05-10T11:00:00.000Z", cpa: 25 },
        { period: "2025-05-10T12:00:00.000Z", cpa: 44 },
      ],
      metric: "cpa",
      grain: "hour",
      context: { source: "Live data", dateRange: { from: DAY, to: DAY }, currency: "USD" },
    }) as unknown as { datasets: { line: { time: number }[] } };
    expect(spec.datasets.line.map((point) => point.time)).toEqual([
      at("11:00").getTime(),
      at("12:00").getTime(),
    ]);
    expect(JSON.stringify(spec)).toContain('"format":"%H:%M"');
    expect(JSON.stringify(spec)).toContain('"title":"Hour (UTC)"');
  });

  it("draws the hours in the reader's time zone when Slack gives one, and says which", () => {
    const rows = [
      { period: "2025-05-10T11:00:00.000Z", cpa: 25 },
      { period: "2025-05-10T12:00:00.000Z", cpa: 44 },
    ];
    const context = { source: "Live data", dateRange: { from: DAY, to: DAY }, currency: "BRL" };
    const spec = withReader(readerFrom("pt-BR", "America/Sao_Paulo"), () =>
      trendChartSpec({ rows, metric: "cpa", grain: "hour", context }),
    ) as unknown as { datasets: { line: { time: number }[] } };
    // 11:00 UTC is 08:00 in São Paulo (UTC−3): the UTC axis then reads 08:00.
    expect(spec.datasets.line.map((point) => point.time)).toEqual([
      at("08:00").getTime(),
      at("09:00").getTime(),
    ]);
    expect(JSON.stringify(spec)).toContain('"title":"Hour (America/Sao Paulo time)"');
  });

  it("hands the alert chart the hourly figures when a rule fires", async () => {
    const charts: AlertChartInput[] = [];
    await store.addAlertRule({ channel: "C1", definition: "cpa > 50 window 1d" });
    const engine = new AlertEngine({
      store,
      poster: { postMessage: async () => "1.000001", uploadPng: async () => undefined },
      renderChart: async (input) => {
        charts.push(input);
        return Buffer.alloc(0);
      },
      debounceMs: 0,
      now: () => at("12:30"),
      logger: { info: () => {}, warn: () => {}, error: () => {} } as never,
    });
    engine.notifyDataArrived();
    await engine.idle();
    engine.stop();
    expect(charts).toHaveLength(1);
    expect(charts[0]?.hourly?.map((point) => point.cpa)).toEqual([25, 44, 80]);
  });
});
