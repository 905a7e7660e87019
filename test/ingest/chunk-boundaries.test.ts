import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { column, dimension, readText, sums } from "./read-text.js";

const campaignName = fc.string({
  unit: fc.constantFrom("A", "b", " ", ",", '"', "é", "7", "\n"),
  minLength: 1,
  maxLength: 8,
});
const cost = fc.integer({ min: -99999, max: 9999999 }).map((cents) => cents / 100);

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

describe("reading in chunks", () => {
  it("gives the same facts wherever the chunk boundaries fall", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            campaign: campaignName,
            cost,
            clicks: fc.nat(100000),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        (rows, chunkBytes, lineEnd) => {
          const lines = ["Date,Campaign,Cost,Clicks"];
          for (const row of rows) {
            const date = `2024-03-${String(row.day).padStart(2, "0")}`;
            lines.push(`${date},${csvCell(row.campaign)},${row.cost.toFixed(2)},${row.clicks}`);
          }
          const text = lines.join(lineEnd) + lineEnd;
          const whole = readText(text);
          const chunked = readText(text, { chunkBytes });
          const campaigns = rows.map((row) =>
            row.campaign.trim() === "" || /^-+$/.test(row.campaign.trim()) ? null : row.campaign.trim(),
          );
          expect(dimension(chunked, "campaign")).toEqual(campaigns);
          expect(column(chunked, "spend")).toEqual(rows.map((row) => Number(row.cost.toFixed(2))));
          expect(column(chunked, "clicks")).toEqual(rows.map((row) => row.clicks));
          expect(sums(chunked)).toEqual(sums(whole));
          expect(chunked.receipt).toEqual(whole.receipt);
        },
      ),
      { numRuns: 200 },
    );
  });
});
