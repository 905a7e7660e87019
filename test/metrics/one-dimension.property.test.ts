import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FactRecord, factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { aggregate, aggregateWithTotal } from "../../src/metrics/aggregate.js";
import { breakdown, breakdownWithTotals, totals } from "../../src/metrics/index.js";

// Cents as binary floats: their sums depend on the order of addition, so equal figures mean the same order.
const cell = fc.option(
  fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100),
  { nil: null },
);
const record: fc.Arbitrary<FactRecord> = fc.record(
  {
    campaign: fc.constantFrom("A", "a", "B", "", "(not set)", "C"),
    channel: fc.constantFrom("search", "social"),
    spend: cell,
    clicks: cell,
    revenue: cell,
    reach: cell,
  },
  { requiredKeys: ["campaign", "channel"] },
);
const records = fc.array(record, { minLength: 1, maxLength: 120 });
/** A filter that keeps every row still takes the general path (a mask stage per filtered dimension). */
const everyChannel = { where: { channel: ["search", "social"] } };

describe("grouping by one dimension over every row", () => {
  it("gives the groups, and in the same passes the totals, of the general path, bit for bit", () => {
    fc.assert(
      fc.property(records, (rows) => {
        const facts = factTableFromRecords(rows);
        const general = aggregate(facts, { by: ["campaign"], filter: everyChannel });
        const { groups, total } = aggregateWithTotal(facts, "campaign");
        expect(groups).toEqual(general);
        const extras = Object.keys(facts.extraMeasures);
        expect(aggregate(facts, { by: ["campaign"], extras })).toEqual(
          aggregate(facts, { by: ["campaign"], extras, filter: everyChannel }),
        );
        expect(total).toEqual(aggregate(facts, { filter: everyChannel })[0] ?? null);
        // toEqual treats 0 and -0 alike; a sum's sign still shows in the JSON, so each figure is compared.
        groups.forEach((group, index) => {
          for (const [measure, sum] of Object.entries(group.sums)) {
            expect(Object.is(sum, general[index]?.sums[measure as keyof typeof group.sums])).toBe(true);
          }
        });
      }),
    );
  });

  it("breakdownWithTotals is breakdown and totals", () => {
    fc.assert(
      fc.property(records, (rows) => {
        const facts = factTableFromRecords(rows);
        expect(breakdownWithTotals(facts, "campaign")).toEqual({
          rows: breakdown(facts, "campaign", { filter: everyChannel }),
          totals: totals(facts, everyChannel),
        });
      }),
    );
  });

  it("keeps a group or a total with rows but no value unknown, not zero", () => {
    const facts = factTableFromRecords([
      { campaign: "A", spend: null, clicks: 3 },
      { campaign: "A", spend: null, clicks: null },
      { campaign: "", spend: 2.5, clicks: null },
    ]);
    const { groups, total } = aggregateWithTotal(facts, "campaign");
    expect(groups.map((group) => [group.keys, group.rows, group.sums.spend, group.sums.clicks])).toEqual([
      [["A"], 2, null, 3],
      [["(not set)"], 1, 2.5, null],
    ]);
    expect(total?.sums).toEqual({ spend: 2.5, clicks: 3 });
    const unknown = factTableFromRecords([{ campaign: "A", spend: null, clicks: 0 }]);
    expect(aggregateWithTotal(unknown, "campaign").total?.sums).toEqual({ spend: null, clicks: 0 });
  });
});
