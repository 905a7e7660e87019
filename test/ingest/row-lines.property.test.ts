import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RowLines } from "../../src/ingest/row-lines.js";

/** Lines that mostly follow each other, with the jumps dropped rows and multi-line cells make. */
const lines = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constant(1), weight: 5 },
      { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 1 },
    ),
    {
      maxLength: 60,
    },
  )
  .map((steps) => {
    let line = 1;
    return steps.map((step) => {
      line += step;
      return line;
    });
  });

function rowLinesOf(values: number[]): RowLines {
  const rows = new RowLines();
  for (const line of values) rows.push(line);
  return rows;
}

describe("the line each row starts on", () => {
  it("is the line it was pushed with, and a later piece appended reads as if pushed in order", () => {
    fc.assert(
      fc.property(lines, lines, fc.integer({ min: 0, max: 200 }), (first, second, shift) => {
        const whole = rowLinesOf(first);
        const piece = structuredClone(rowLinesOf(second));
        whole.append(piece, shift);
        const expected = [...first, ...second.map((line) => line + shift)];
        expect(whole.count).toBe(expected.length);
        expect(expected.map((_, row) => whole.lineOf(row))).toEqual(expected);
        expect(whole.runs).toBeLessThanOrEqual(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a file without jumps as one run", () => {
    const rows = rowLinesOf(Array.from({ length: 100_000 }, (_, i) => i + 2));
    expect(rows.runs).toBe(1);
    expect(rows.lineOf(99_999)).toBe(100_001);
  });
});
