import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/optimizer/seeded-random.js";
import { type PatternCell, patternTest } from "../../src/optimizer/weekday-pattern.js";

function weeks(count: number, weekdayRate: (weekday: number) => number, noise: number): PatternCell[] {
  const random = seededRandom(3);
  const cells: PatternCell[] = [];
  for (let week = 0; week < count; week++) {
    for (let weekday = 0; weekday < 7; weekday++) {
      const rate = weekdayRate(weekday) * (1 + noise * (2 * random() - 1)) * (1 + week * 0.05);
      cells.push({ block: week, label: weekday, numerator: rate * 100, denominator: 100 });
    }
  }
  return cells;
}

describe("weekday patterns", () => {
  it("finds a strong Saturday and says it is beyond chance", () => {
    const result = patternTest(
      weeks(8, (day) => (day === 5 ? 3 : 2), 0.05),
      7,
      true,
    );
    expect(result.best).toBe(5);
    expect(result.significant).toBe(true);
    expect(result.blocks).toBe(8);
    // Saturday's figure is the ratio of its sums: 3 × the mean week factor, which a second path gives.
    const growth = Array.from({ length: 8 }, (_, week) => 1 + week * 0.05).reduce((a, b) => a + b, 0) / 8;
    expect(result.labels[5]?.value).toBeCloseTo(3 * growth, 0);
  });

  it("calls noise noise, even with a trend across weeks", () => {
    const result = patternTest(
      weeks(8, () => 2, 0.3),
      7,
      true,
    );
    expect(result.significant).toBe(false);
    expect(result.pValue).toBeGreaterThan(0.05);
  });

  it("leaves out weeks missing a weekday", () => {
    const cells = weeks(5, () => 2, 0.1).filter((cell) => !(cell.block === 0 && cell.label === 0));
    expect(patternTest(cells, 7, true).blocks).toBe(4);
  });

  it("gives a weekday with nothing to divide by no figure, and tests the others without it", () => {
    // Friday (4) spends with no results every week; the rest convert at 2, Saturday (5) at 3.
    const cells = weeks(6, (day) => (day === 5 ? 3 : 2), 0.05).map((cell) =>
      cell.label === 4 ? { ...cell, numerator: 50, denominator: 0 } : cell,
    );
    const result = patternTest(cells, 7, true);
    expect(result.labels[4]).toMatchObject({
      value: null,
      low: null,
      high: null,
      numerator: 300,
      denominator: 0,
    });
    expect(result.best).toBe(5);
    expect(result.worst).not.toBe(4);
    expect(result.labels.filter((item) => item.value !== null)).toHaveLength(6);
  });

  it("gives a cost per result no figure where nothing was spent, rather than a best cost of zero", () => {
    const cells = weeks(4, () => 2, 0.05).map((cell) =>
      cell.label === 6 ? { ...cell, numerator: 0 } : cell,
    );
    const result = patternTest(cells, 7, false, { costPerResult: true });
    expect(result.labels[6]?.value).toBeNull();
    expect(result.best).not.toBe(6);
  });
});
