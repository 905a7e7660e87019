import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/index.js";
import {
  openPostgresTargets,
  openSqliteTargets,
  PacingRefusal,
  pace,
  parseTarget,
} from "../../src/targets/index.js";
import { postgresDatabase } from "../jobs/temp-postgres.js";

/** September 2025, 1st to 20th: Brand spends 500 a day with 10 conversions, Generic 245 a day with 5. */
const september = factTableFromRecords(
  Array.from({ length: 20 }, (_, i) => {
    const date = `2025-09-${String(i + 1).padStart(2, "0")}`;
    return [
      { date, campaign: "Brand", spend: 500, conversions: 10, revenue: 2000 },
      { date, campaign: "Generic", spend: 245, conversions: 5, revenue: 300 },
    ];
  }).flat(),
);

describe("reading a target", () => {
  it("reads budgets, KPIs, periods and scopes as typed", () => {
    expect(parseTarget("budget 20000 monthly")).toEqual({
      metric: "budget",
      value: 20000,
      period: "monthly",
      scope: null,
    });
    expect(parseTarget("budget $20k per month")).toMatchObject({ value: 20000, period: "monthly" });
    expect(parseTarget("cpa 40 for campaign Prospecting – Broad")).toEqual({
      metric: "cpa",
      value: 40,
      period: null,
      scope: { dimension: "campaign", value: "Prospecting – Broad" },
    });
    expect(parseTarget("roas 3x")).toMatchObject({ metric: "roas", value: 3 });
    expect(parseTarget("ctr 1.5%")).toMatchObject({ metric: "ctr", value: 0.015 });
    expect(parseTarget("budget 500 daily for ad set Broad")).toMatchObject({
      scope: { dimension: "ad_group" },
    });
  });

  it("says what is wrong instead of guessing", () => {
    expect(() => parseTarget("budget 20000")).toThrow(/needs its period/);
    expect(() => parseTarget("cpa forty")).toThrow(/start with the metric and the figure/);
    expect(() => parseTarget("cpa 40 weekly")).toThrow(/has no period/);
    expect(() => parseTarget("cpa 40 please")).toThrow(/I read the target up to "please"/);
    expect(() => parseTarget("budget 0 monthly")).toThrow(/more than zero/);
  });
});

describe("pacing", () => {
  it("projects a monthly budget linearly from the days so far", () => {
    const result = pace(september, parseTarget("budget 20000 monthly"), "USD");
    // 20 days of 745 = 14,900; 14,900 / 20 × 30 = 22,350, which is 11.75% over 20,000.
    expect(result.actual).toBe(14_900);
    expect(result.projected).toBeCloseTo(22_350, 9);
    expect(result.status).toBe("over");
    expect(result.period).toEqual({ from: "2025-09-01", to: "2025-09-30" });
    expect(result.text).toBe(
      "Budget $20K monthly: $14,900.00 spent Sep 1–20; at this pace: $22.4K of $20K by Sep 30 (12% over)",
    );
  });

  it("judges a campaign's CPA over the month so far", () => {
    const result = pace(september, parseTarget("cpa 40 for campaign Brand"), "USD");
    expect(result.actual).toBe(50);
    expect(result.status).toBe("over");
    expect(result.text).toMatch(
      /CPA for campaign Brand \$50\.00 for Sep 1–20 against a target of \$40\.00: 25% above target/,
    );
    expect(pace(september, parseTarget("roas 3"), "USD").text).toMatch(/ROAS 3\.09x .*: on target/);
  });

  it("paces a weekly budget over the Monday-to-Sunday week of the last day", () => {
    // 2025-09-20 is a Saturday: the week is Mon 15 to Sun 21, six days of 745 so far.
    const result = pace(september, parseTarget("budget 5000 weekly"), "USD");
    expect(result.period).toEqual({ from: "2025-09-15", to: "2025-09-21" });
    expect(result.actual).toBe(6 * 745);
    expect(result.projected).toBeCloseTo(745 * 7, 9);
  });

  it("refuses undated data and a campaign the data does not have", () => {
    const undated = factTableFromRecords([{ campaign: "Brand", spend: 10 }]);
    expect(() => pace(undated, parseTarget("budget 100 monthly"), null)).toThrow(PacingRefusal);
    expect(() => pace(september, parseTarget("cpa 40 for campaign Brnad"), "USD")).toThrow(
      /no campaign named "Brnad" \(it has Brand, Generic\)/,
    );
  });
});

/** A place for targets on each engine, reopened as a restart would. */
const engines = {
  sqlite: async () => {
    const path = join(mkdtempSync(join(tmpdir(), "mpo-targets-")), "mpo.db");
    return { open: async () => openSqliteTargets(path), remove: async () => {} };
  },
  postgres: async () => {
    const database = await postgresDatabase();
    return { open: () => openPostgresTargets(database.url), remove: database.remove };
  },
};

describe.each(["sqlite", "postgres"] as const)("the target store on %s", (engine) => {
  it("keeps targets per workspace and channel, replaces the same target, removes by number", async () => {
    const place = await engines[engine]();
    const store = await place.open();
    const acme = { team: "T1", enterprise: null };
    const first = await store.set({ ...parseTarget("budget 20000 monthly"), channel: "C1", workspace: acme });
    await store.set({ ...parseTarget("cpa 40 for campaign Brand"), channel: "C1", workspace: acme });
    await store.set({ ...parseTarget("budget 25000 monthly"), channel: "C1", workspace: acme });
    await store.set({ ...parseTarget("roas 2"), channel: "C1", workspace: { team: "T2", enterprise: null } });
    await store.close();

    const reopened = await place.open();
    const listed = await reopened.list("C1", acme);
    expect(listed.map((t) => [t.metric, t.value])).toEqual([
      ["cpa", 40],
      ["budget", 25000],
    ]);
    expect(await reopened.list("C2", acme)).toEqual([]);
    expect(await reopened.remove(first.id, "C1", acme)).toBe(false);
    expect(await reopened.remove(listed[0]?.id as number, "C1", { team: "T2", enterprise: null })).toBe(
      false,
    );
    expect(await reopened.remove(listed[0]?.id as number, "C1", acme)).toBe(true);
    expect((await reopened.list("C1", acme)).map((t) => t.metric)).toEqual(["budget"]);
    await reopened.close();
    await place.remove();
  });
});
