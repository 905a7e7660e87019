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
  /**
   * Per label: its figure (ratio of sums) and a 95% interval from resampling whole blocks, with the sums
   * behind it. A label without a figure (see `patternTest`) has `value`, `low` and `high` null.
   */
  labels: Array<{
    label: number;
    value: number | null;
    low: number | null;
    high: number | null;
    cells: number;
    numerator: number;
    denominator: number;
  }>;
  best: number;
  /** The worst label with a figure; a label that paid with no results is worse still (see the tool). */
  worst: number;
  /** Chance of a spread between the best and worst label this large if the label did not matter. */
  pValue: number;
  significant: boolean;
  blocks: number;
}

export interface PatternOptions {
  /**
   * The figure is a cost per result (spend on top): a label that spent nothing has no cost to compare, even
   * with results, so it gets no figure rather than a "best" cost of zero.
   */
  costPerResult?: boolean;
  seed?: number;
}

const PERMUTATIONS = 999;
const BOOTSTRAP_SAMPLES = 1000;

/**
 * Whether a weekday (or hour) pattern is more than noise: the labels are shuffled within each block, which
 * keeps each week's level and any trend, and the spread between the best and the worst label is compared
 * with the spreads the shuffles give. Blocks without every label are left out, so each label is compared
 * on the same weeks. A label whose figure is undefined over those blocks (nothing to divide by, or no
 * spend behind a cost per result) has no figure and takes no part in the test: a CPA divided by zero
 * conversions is not a number to rank, and a shuffle cannot compare it.
 */
export function patternTest(
  cells: readonly PatternCell[],
  labelCount: number,
  higherIsBetter: boolean,
  options: PatternOptions = {},
): PatternResult {
  const byBlock = new Map<number, PatternCell[]>();
  for (const cell of cells) byBlock.set(cell.block, [...(byBlock.get(cell.block) ?? []), cell]);
  const full = [...byBlock.values()].filter(
    (block) => new Set(block.map((cell) => cell.label)).size === labelCount,
  );
  const sums = labelSums(full.flat(), labelCount);
  const measured = sums.map(
    ({ numerator, denominator }) => denominator > 0 && (!options.costPerResult || numerator > 0),
  );
  const blocks = full.map((block) => block.filter((cell) => measured[cell.label]));
  const values = (data: readonly PatternCell[][]) => labelValues(data.flat(), labelCount);
  const spread = (figures: readonly number[]) => {
    const defined = figures.filter((value, label) => measured[label] && Number.isFinite(value));
    return defined.length === 0 ? 0 : Math.max(...defined) - Math.min(...defined);
  };
  const observed = values(blocks);
  const random = seededRandom(options.seed ?? 18);
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
    .filter((item) => measured[item.label] && Number.isFinite(item.value));
  order.sort((x, y) => (higherIsBetter ? y.value - x.value : x.value - y.value));
  const pValue = (1 + asLarge) / (1 + PERMUTATIONS);
  return {
    labels: observed.map((value, label) => {
      const sum = sums[label] as { numerator: number; denominator: number };
      const defined = measured[label] === true && Number.isFinite(value);
      const sample = draws[label] ?? [];
      const [low, high] =
        defined && sample.length > 0
          ? (quantilesOf(sample, [0.025, 0.975]) as [number, number])
          : [null, null];
      return {
        label,
        value: defined ? value : null,
        low: defined ? (low ?? value) : null,
        high: defined ? (high ?? value) : null,
        cells: full.length,
        ...sum,
      };
    }),
    best: order[0]?.label ?? 0,
    worst: order[order.length - 1]?.label ?? 0,
    pValue,
    significant: pValue < 0.05,
    blocks: full.length,
  };
}

function labelSums(
  cells: readonly PatternCell[],
  labelCount: number,
): Array<{ numerator: number; denominator: number }> {
  const sums = Array.from({ length: labelCount }, () => ({ numerator: 0, denominator: 0 }));
  for (const cell of cells) {
    const sum = sums[cell.label];
    if (!sum) continue;
    sum.numerator += cell.numerator;
    sum.denominator += cell.denominator;
  }
  return sums;
}

function labelValues(cells: readonly PatternCell[], labelCount: number): number[] {
  return labelSums(cells, labelCount).map(({ numerator, denominator }) => numerator / denominator);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
