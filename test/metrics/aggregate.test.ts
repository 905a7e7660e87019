import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { aggregate } from "../../src/metrics/aggregate.js";

/** Deterministic pseudo-random integers, so a failure reproduces. */
function randomInts(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
}

describe("aggregate", () => {
  it("groups by several high-cardinality dimensions exactly like a plain Map would", () => {
    // 400 x 400 x 3 possible combinations exceed the positional limit, so ids go through the Map path.
    const next = randomInts(7);
    const rows = Array.from({ length: 3000 }, () => ({
      keyword: next(10) === 0 ? "" : `kw${next(400)}`,
      ad: `ad${next(400)}`,
      device: ["mobile", "desktop", "tablet"][next(3)] as string,
      spend: next(5) === 0 ? null : next(1000),
      date: `2025-01-${String(1 + next(28)).padStart(2, "0")}`,
    }));
    const expected = new Map<string, { rows: number; spend: number | null }>();
    for (const row of rows) {
      const key = [row.keyword || "(not set)", row.ad, row.device].join("|");
      const group = expected.get(key) ?? { rows: 0, spend: null };
      group.rows++;
      if (row.spend !== null) group.spend = (group.spend ?? 0) + row.spend;
      expected.set(key, group);
    }
    const groups = aggregate(factTableFromRecords(rows), { by: ["keyword", "ad", "device"] });
    const actual = new Map(
      groups.map((group) => [group.keys.join("|"), { rows: group.rows, spend: group.sums.spend }]),
    );
    expect(actual).toEqual(expected);
  });

  it("combines a dimension, a week bucket and filters in one pass", () => {
    const facts = factTableFromRecords([
      { date: "2025-01-06", channel: "search", device: "mobile", spend: 1 },
      { date: "2025-01-12", channel: "search", device: "desktop", spend: 2 },
      { date: "2025-01-13", channel: "search", device: "mobile", spend: 4 },
      { date: "2025-01-13", channel: "social", device: "mobile", spend: 8 },
      { channel: "search", device: "mobile", spend: 16 },
    ]);
    const groups = aggregate(facts, {
      by: ["channel"],
      grain: "week",
      filter: { where: { device: ["Mobile"] } },
    });
    expect(groups.map((group) => [group.keys, group.bucket, group.rows, group.sums.spend])).toEqual([
      [["search"], 20094, 1, 1],
      [["search"], 20101, 1, 4],
      [["social"], 20101, 1, 8],
    ]);
  });

  it("adds the rows of a long table in row order, as one loop over them would", () => {
    // Enough rows for many blocks of the row loops; sums of fractions differ in their last bits when added
    // in another order, so only row order gives these exact figures.
    const next = randomInts(11);
    const rows = Array.from({ length: 70_000 }, () => ({
      channel: next(3) === 0 ? "search" : "social",
      spend: next(7) === 0 ? null : next(100_000) / 100 + 0.1,
    }));
    let all = 0;
    const byChannel = new Map<string, number>();
    for (const row of rows) {
      if (row.spend === null) continue;
      all += row.spend;
      byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + row.spend);
    }
    const facts = factTableFromRecords(rows);
    expect(aggregate(facts)[0]?.sums.spend).toBe(all);
    const groups = aggregate(facts, { by: ["channel"] });
    expect(new Map(groups.map((group) => [group.keys[0], group.sums.spend]))).toEqual(byChannel);
  });
});
