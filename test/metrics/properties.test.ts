import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEASURES } from "../../src/ingest/fact-table.js";
import {
  concatFactTables,
  type FactRecord,
  factTableFromRecords,
} from "../../src/ingest/fact-table-builder.js";
import {
  breakdown,
  explainChange,
  figuresFromSums,
  GRAINS,
  KPIS,
  type MeasureSums,
  totals,
  trend,
} from "../../src/metrics/index.js";

// Whole numbers (cents, say) keep every sum exact whatever the order of addition, so equality can be exact.
const cell = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null });
const record: fc.Arbitrary<FactRecord> = fc.record(
  {
    date: fc.constantFrom("2025-01-01", "2025-01-02", "2025-01-09", "2025-02-17", "2025-03-01"),
    campaign: fc.constantFrom("A", "a", "B", "", "(not set)"),
    channel: fc.constantFrom("search", "social"),
    spend: cell,
    impressions: cell,
    clicks: cell,
    conversions: cell,
    revenue: cell,
  },
  { requiredKeys: ["campaign", "channel"] },
);
const records = fc.array(record, { maxLength: 40 });
/** A table needs a row for its dimensions to exist at all. */
const someRecords = fc.array(record, { minLength: 1, maxLength: 40 });

/** Adds sums the way the engine does: unknown counts as nothing, and only all-unknown stays unknown. */
function addKnown(values: readonly (number | null | undefined)[]): number | null {
  const known = values.filter((value): value is number => typeof value === "number");
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}

describe("properties", () => {
  it("totals equal the sums taken straight from the records", () => {
    fc.assert(
      fc.property(records, (rows) => {
        const figures = totals(factTableFromRecords(rows));
        for (const measure of MEASURES) {
          const column = rows.filter((row) => measure in row);
          const expected =
            column.length === 0 ? null : addKnown(column.map((row) => row[measure] as number | null));
          expect(figures[measure]).toBe(expected);
        }
      }),
    );
  });

  it("the KPIs of a concatenation equal the KPIs of the summed parts", () => {
    fc.assert(
      fc.property(records, records, (first, second) => {
        const a = factTableFromRecords(first);
        const b = factTableFromRecords(second);
        const partA = totals(a);
        const partB = totals(b);
        const summed: MeasureSums = {};
        for (const measure of MEASURES) summed[measure] = addKnown([partA[measure], partB[measure]]);
        expect(totals(concatFactTables([a, b]))).toEqual(figuresFromSums(summed));
      }),
    );
  });

  it("the rows of a breakdown by any dimension add up to the totals", () => {
    fc.assert(
      fc.property(someRecords, fc.constantFrom("campaign", "channel"), (rows, dimension) => {
        const facts = factTableFromRecords(rows);
        const parts = breakdown(facts, dimension);
        const whole = totals(facts);
        for (const measure of MEASURES) {
          expect(addKnown(parts.map((part) => part[measure]))).toBe(whole[measure]);
        }
        expect(new Set(parts.map((part) => part.key)).size).toBe(parts.length);
      }),
    );
  });

  it("filtering on a value gives the figures of its breakdown row", () => {
    fc.assert(
      fc.property(someRecords, (rows) => {
        const facts = factTableFromRecords(rows);
        for (const row of breakdown(facts, "campaign")) {
          const { key, ...figures } = row;
          // "A" and "a" are distinct rows but one filter value; only compare keys no other key folds into.
          const folded = breakdown(facts, "campaign").filter(
            (other) => other.key.toLowerCase() === key.toLowerCase(),
          );
          if (folded.length === 1) expect(totals(facts, { where: { campaign: [key] } })).toEqual(figures);
        }
      }),
    );
  });

  it("a trend at any grain adds up to the totals of the dated rows", () => {
    fc.assert(
      fc.property(records, fc.constantFrom(...GRAINS), (rows, grain) => {
        fc.pre(rows.some((row) => "date" in row));
        const facts = factTableFromRecords(rows);
        const points = trend(facts, grain);
        const whole = totals(facts, { dateRange: { from: "2025-01-01", to: "2025-03-01" } });
        for (const measure of MEASURES) {
          expect(addKnown(points.map((point) => point[measure])) ?? 0).toBe(whole[measure] ?? 0);
        }
        const periods = points.map((point) => point.period);
        expect(periods).toEqual([...periods].sort());
      }),
    );
  });

  it("driver contributions add up to the change of every KPI", () => {
    const kpis = fc.constantFrom(...KPIS);
    fc.assert(
      fc.property(someRecords, kpis, (rows, metric) => {
        fc.pre(rows.some((row) => "date" in row));
        const explanation = explainChange(factTableFromRecords(rows), {
          metric,
          dimension: "campaign",
          previous: { from: "2025-01-01", to: "2025-01-31" },
          current: { from: "2025-02-01", to: "2025-03-03" },
        });
        if (explanation.change === null) return;
        const sum = explanation.contributions.reduce((total, part) => total + (part.total as number), 0);
        const scale = Math.max(
          1,
          Math.abs(explanation.previous as number),
          Math.abs(explanation.current as number),
        );
        expect(Math.abs(sum - explanation.change)).toBeLessThan(1e-9 * scale);
      }),
    );
  });
});
