import { errorFunction, probit } from "simple-statistics";
import { formatNumber } from "../format/format-figures.js";
import { quantilesOf, sum } from "./quantiles.js";
import { randomIndex, seededRandom } from "./seeded-random.js";

/** One unit of evidence (a day, or a row when the data has no dates): a numerator and a denominator. */
export interface Unit {
  numerator: number;
  denominator: number;
}

export interface DifferenceTest {
  /** The first segment's figure minus the second's, and its 95% interval. */
  a: number;
  b: number;
  difference: number;
  low: number;
  high: number;
  pValue: number;
  significant: boolean;
  method: string;
  /** Units each segment would need for a difference this size to be conclusive (80% power), when not. */
  neededPerSegment: number | null;
  /** What a unit of `neededPerSegment` is: clicks, impressions, days, rows. */
  neededUnit: string;
}

export const CONFIDENCE = 0.95;
const POWER = 0.8;
const BOOTSTRAP_SAMPLES = 2000;
export const MIN_UNITS = 5;

/**
 * Normal quantiles at the fixed levels used: simple-statistics' probit is a fast approximation that is
 * 0.15% off at 97.5%, enough to move a hand-checked interval's last digit.
 */
const Z_TWO_SIDED_95 = 1.959963984540054;
const Z_POWER_80 = 0.8416212335729143;
const zOf = (p: number) => (p === 0.975 ? Z_TWO_SIDED_95 : p === POWER ? Z_POWER_80 : probit(p));
/** Two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
  return Math.max(0, Math.min(1, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

/**
 * A rate (CTR, CVR) of two segments: the two-proportion z test, with the variance widened by how much more
 * the rate moves between units (days or rows) than chance alone would move it, as a beta-binomial would.
 * Clicks on one day or one ad are not independent coin flips, and treating them so calls noise a finding.
 */
export function rateDifference(a: readonly Unit[], b: readonly Unit[], trialName: string): DifferenceTest {
  const [ka, na] = totals(a);
  const [kb, nb] = totals(b);
  const pa = ka / na;
  const pb = kb / nb;
  const dispersion = Math.max(1, (extraVariation(a, pa) + extraVariation(b, pb)) / 2);
  const variance = dispersion * ((pa * (1 - pa)) / na + (pb * (1 - pb)) / nb);
  const se = Math.sqrt(variance);
  const difference = pa - pb;
  const z = se > 0 ? difference / se : 0;
  const half = zOf(1 - (1 - CONFIDENCE) / 2) * se;
  const pValue = se > 0 ? twoSidedP(z) : difference === 0 ? 1 : 0;
  const significant = pValue < 1 - CONFIDENCE;
  const spread = pa * (1 - pa) + pb * (1 - pb);
  const needed =
    significant || difference === 0
      ? null
      : Math.ceil(
          (dispersion * (zOf(1 - (1 - CONFIDENCE) / 2) + zOf(POWER)) ** 2 * spread) / difference ** 2,
        );
  return {
    a: pa,
    b: pb,
    difference,
    low: difference - half,
    high: difference + half,
    pValue,
    significant,
    method:
      dispersion > 1.05
        ? `two-proportion z test, variance widened ${formatNumber(dispersion, 1)}× for how much the rate varies between units beyond chance (beta-binomial)`
        : "two-proportion z test",
    neededPerSegment: needed,
    neededUnit: trialName,
  };
}

/** Pearson χ² per degree of freedom of the units around their pooled rate; 1 when they vary as chance does. */
function extraVariation(units: readonly Unit[], rate: number): number {
  const used = units.filter((unit) => unit.denominator > 0);
  if (used.length < 2 || rate <= 0 || rate >= 1) return 1;
  let chi = 0;
  for (const unit of used) {
    const expected = unit.denominator * rate;
    chi += (unit.numerator - expected) ** 2 / (expected * (1 - rate));
  }
  return chi / (used.length - 1);
}

/**
 * A ratio of sums (ROAS, CPA, CPC) of two segments: units are resampled with replacement within each
 * segment and the ratio recomputed, 2,000 times; the interval is the middle 95% of the differences and the
 * p-value twice the share on the far side of zero. No distribution is assumed for a ratio of two noisy sums.
 */
export function ratioDifference(
  a: readonly Unit[],
  b: readonly Unit[],
  unitName: string,
  seed = 18,
): DifferenceTest {
  const random = seededRandom(seed);
  const ratio = (units: readonly Unit[]) => {
    const [numerator, denominator] = totals(units);
    return numerator / denominator;
  };
  const ra = ratio(a);
  const rb = ratio(b);
  const differences: number[] = [];
  for (let s = 0; s < BOOTSTRAP_SAMPLES; s++) {
    const da = ratio(resample(a, random));
    const db = ratio(resample(b, random));
    if (Number.isFinite(da) && Number.isFinite(db)) differences.push(da - db);
  }
  const difference = ra - rb;
  const tail = (1 - CONFIDENCE) / 2;
  const [low, high] = quantilesOf(differences, [tail, 1 - tail]) as [number, number];
  const below = differences.filter((value) => value <= 0).length / differences.length;
  const above = differences.filter((value) => value >= 0).length / differences.length;
  const pValue = Math.min(1, 2 * Math.min(below, above));
  const significant = low > 0 || high < 0;
  const mean = sum(differences) / differences.length;
  const se = Math.sqrt(sum(differences.map((value) => (value - mean) ** 2)) / (differences.length - 1));
  const units = Math.min(a.length, b.length);
  const factor = ((zOf(1 - tail) + zOf(POWER)) * se) / Math.abs(difference);
  return {
    a: ra,
    b: rb,
    difference,
    low,
    high,
    pValue,
    significant,
    method: `bootstrap over ${unitName} (${BOOTSTRAP_SAMPLES} resamples)`,
    neededPerSegment: significant || difference === 0 ? null : Math.ceil(units * factor ** 2),
    neededUnit: unitName,
  };
}

function resample(units: readonly Unit[], random: () => number): Unit[] {
  return units.map(() => units[randomIndex(random, units.length)] as Unit);
}

function totals(units: readonly Unit[]): [number, number] {
  return [sum(units.map((unit) => unit.numerator)), sum(units.map((unit) => unit.denominator))];
}
