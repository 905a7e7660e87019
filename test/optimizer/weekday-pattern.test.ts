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
});
