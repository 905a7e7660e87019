import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakdown, totals } from "../../src/metrics/index.js";
import { readText } from "./read-text.js";

interface FactRow {
  campaign: string;
  device: string;
  cents: number;
  impressions: number;
  clicks: number;
}

const CAMPAIGNS = ["Brand", "Generic - Shoes", "Display Remarketing", "PMax", "Video", "Total Rewards Promo"];
const DEVICES = ["Mobile phones", "Computers", "Tablets"];

const factRow = fc.record({
  campaign: fc.constantFrom(...CAMPAIGNS),
  device: fc.constantFrom(...DEVICES),
  cents: fc.integer({ min: 1, max: 5_000_000 }),
  impressions: fc.integer({ min: 1, max: 2_000_000 }),
  clicks: fc.integer({ min: 0, max: 50_000 }),
});

const totalRowShape = fc.record({
  label: fc.constantFrom("", "Total", "Grand total", "Account summary", "Total - filtered", ...CAMPAIGNS),
  device: fc.constantFrom("", ...DEVICES),
  constantsFilled: fc.boolean(),
  first: fc.boolean(),
});

const HEADER = '"Reporting starts","Account name",Campaign,Device,Cost,Impressions,Clicks';

function line(row: FactRow, constants: boolean): string {
  const window = constants ? "2025-01-01,Acme Ltd" : ",";
  return `${window},${row.campaign},${row.device},${(row.cents / 100).toFixed(2)},${row.impressions},${row.clicks}`;
}

/** A table none of whose rows is already the sum of all the others (that would itself be a total row). */
function holdsNoTotal(rows: FactRow[]): boolean {
  const sum = (pick: (row: FactRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const cents = sum((row) => row.cents);
  const impressions = sum((row) => row.impressions);
  const clicks = sum((row) => row.clicks);
  return !rows.some(
    (row) => row.cents * 2 === cents && row.impressions * 2 === impressions && row.clicks * 2 === clicks,
  );
}

describe("a correct total row never changes the figures", () => {
  it("wherever it stands, whatever its label, with constant columns filled or not", () => {
    fc.assert(
      fc.property(fc.array(factRow, { minLength: 2, maxLength: 25 }), totalRowShape, (rows, shape) => {
        fc.pre(holdsNoTotal(rows));
        const plain = readText([HEADER, ...rows.map((row) => line(row, true))].join("\n"));
        const total: FactRow = {
          campaign: shape.label,
          device: shape.device,
          cents: rows.reduce((sum, row) => sum + row.cents, 0),
          impressions: rows.reduce((sum, row) => sum + row.impressions, 0),
          clicks: rows.reduce((sum, row) => sum + row.clicks, 0),
        };
        const body = rows.map((row) => line(row, true));
        const totalLine = line(total, shape.constantsFilled);
        const withTotal = readText(
          [HEADER, ...(shape.first ? [totalLine, ...body] : [...body, totalLine])].join("\n"),
        );
        expect(withTotal.receipt.rows).toBe(rows.length);
        expect(totals(withTotal.facts)).toEqual(totals(plain.facts));
        expect(breakdown(withTotal.facts, "campaign")).toEqual(breakdown(plain.facts, "campaign"));
        expect(breakdown(withTotal.facts, "device")).toEqual(breakdown(plain.facts, "device"));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every row of a table with no total in it", () => {
    fc.assert(
      fc.property(fc.array(factRow, { minLength: 2, maxLength: 25 }), (rows) => {
        fc.pre(holdsNoTotal(rows));
        const dataset = readText([HEADER, ...rows.map((row) => line(row, true))].join("\n"));
        expect(dataset.receipt.rows).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });
});
