import { quantilesOf } from "./quantiles.js";
import { randomIndex, seededRandom } from "./seeded-random.js";

/** One cell: a block (a calendar week, or a day for hours), a label in it (a weekday, an hour), and figures. */
export interface PatternCell {
  block: number;
  label: number;
  numerator: number;
  denominator: number;
}

export interface PatternResult {
  /** Per label: its figure (ratio of sums) and a 95% interval from resampling whole blocks. */
  labels: Array<{ label: number; value: number; low: number; high: number; cells: number }>;
  best: number;
  worst: number;
  /** Chance of a spread between the best and worst label this large if the label did not matter. */
  pValue: number;
  significant: boolean;
  blocks: number;
}

const PERMUTATIONS = 999;
const BOOTSTRAP_SAMPLES = 1000;

/**
 * Whether a weekday (or hour) pattern is more than noise: the labels are shuffled within each block, which
 * keeps each week's level and any trend, and the spread between the best and the worst label is compared
 * with the spreads the shuffles give. Blocks without every label are left out, so each label is compared
 * on the same weeks.
 */
export function patternTest(
  cells: readonly PatternCell[],
  labelCount: number,
  higherIsBetter: boolean,
  seed = 18,
): PatternResult {
  const byBlock = new Map<number, PatternCell[]>();
  for (const cell of cells) byBlock.set(cell.block, [...(byBlock.get(cell.block) ?? []), cell]);
  const blocks = [...byBlock.values()].filter(
    (block) => new Set(block.map((cell) => cell.label)).size === labelCount,
  );
  const values = (data: readonly PatternCell[][]) => labelValues(data.flat(), labelCount);
  const observed = values(blocks);
  const spread = (figures: readonly number[]) => Math.max(...figures) - Math.min(...figures);
  const random = seededRandom(seed);
  let asLarge = 0;
  for (let p = 0; p < PERMUTATIONS; p++) {
    const shuffled = blocks.map((block) => {
      const labels = shuffle(
        block.map((cell) => cell.label),
        random,
      );
      return block.map((cell, i) => ({ ...cell, label: labels[i] as number }));
    });
    if (spread(values(shuffled)) >= spread(observed) - 1e-12) asLarge++;
  }
  const draws: number[][] = Array.from({ length: labelCount }, () => []);
  for (let s = 0; s < BOOTSTRAP_SAMPLES; s++) {
    const sample = blocks.map(() => blocks[randomIndex(random, blocks.length)] as PatternCell[]);
    values(sample).forEach((value, label) => {
      if (Number.isFinite(value)) draws[label]?.push(value);
    });
  }
  const order = observed
    .map((value, label) => ({ value, label }))
    .filter((item) => Number.isFinite(item.value));
  order.sort((x, y) => (higherIsBetter ? y.value - x.value : x.value - y.value));
  const pValue = (1 + asLarge) / (1 + PERMUTATIONS);
  return {
    labels: observed.map((value, label) => {
      const [low, high] = quantilesOf(draws[label] ?? [value], [0.025, 0.975]) as [number, number];
      return { label, value, low, high, cells: blocks.length };
    }),
    best: order[0]?.label ?? 0,
    worst: order[order.length - 1]?.label ?? 0,
    pValue,
    significant: pValue < 0.05,
    blocks: blocks.length,
  };
}

function labelValues(cells: readonly PatternCell[], labelCount: number): number[] {
  const numerators = new Array<number>(labelCount).fill(0);
  const denominators = new Array<number>(labelCount).fill(0);
  for (const cell of cells) {
    numerators[cell.label] = (numerators[cell.label] as number) + cell.numerator;
    denominators[cell.label] = (denominators[cell.label] as number) + cell.denominator;
  }
  return numerators.map((value, label) => value / (denominators[label] as number));
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
