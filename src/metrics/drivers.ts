import type { DateRange, FactTable, Measure } from "../ingest/fact-table.js";
import { aggregate, type Group } from "./aggregate.js";
import { spanOfRange } from "./calendar.js";
import type { Filter } from "./filter.js";
import { kpiFromSums, type MeasureSums, metricFromSums } from "./kpis.js";
import { isKpi, isMetric, type Kpi, METRIC_CATALOG, METRICS, type Metric } from "./metric-catalog.js";
import { MetricsError } from "./metrics-error.js";
import { compareKeys, descendingNullsLast } from "./ordering.js";
import { zeroSums } from "./totals.js";

export interface ChangeOptions {
  metric: Metric;
  dimension: string;
  current: DateRange;
  previous: DateRange;
  /** Its date range, when given, further narrows both periods. */
  filter?: Filter;
}

export interface Contribution {
  key: string;
  /** The segment's own value of the metric in each period. */
  previous: number | null;
  current: number | null;
  /** For a KPI, the segment's share of the KPI's denominator (of clicks for cpc...); null for a measure. */
  previousShare: number | null;
  currentShare: number | null;
  /** Part of the change due to the segment's share moving; null for a measure. */
  mixEffect: number | null;
  /** Part of the change due to the segment's own KPI moving; null for a measure. */
  rateEffect: number | null;
  /** The segment's part of the overall change; the totals of all segments add up to `change`. */
  total: number | null;
}

export interface ChangeExplanation {
  metric: Metric;
  dimension: string;
  previous: number | null;
  current: number | null;
  change: number | null;
  /** Largest contribution, either way, first. */
  contributions: Contribution[];
}

interface Segment {
  key: string;
  previous: MeasureSums;
  current: MeasureSums;
}

/**
 * Which values of a dimension moved a metric between two periods.
 *
 * For a measure (spend...), a segment's contribution is simply its own change.
 *
 * For a KPI R = N / D (times 1000 for cpm), write segment i's share of the denominator w_i = D_i / D and its
 * own rate r_i = N_i / D_i, so that R = sum_i w_i r_i. With 0 and 1 marking the periods, mean values
 * w̄_i = (w0_i + w1_i) / 2, r̄_i = (r0_i + r1_i) / 2 and R̄ = (R0 + R1) / 2:
 *
 *   mix_i  = (w1_i - w0_i) (r̄_i - R̄)    share moving towards a segment better or worse than average
 *   rate_i = w̄_i (r1_i - r0_i)           the segment itself getting better or worse
 *
 * Summed over segments the mix terms lose their R̄ part (shares add up to 1 in both periods), and
 * sum_i (mix_i + rate_i) = sum_i (w1_i r1_i - w0_i r0_i) = R1 - R0 exactly. Centring on R̄ means a segment
 * that grows while performing at the average rate moves nothing, which is the truth about it.
 *
 * A segment with no denominator in one period (new, or gone) has no rate there; r̄_i is then its one known
 * rate and its rate effect is 0, so arriving or leaving counts as mix. A numerator without a denominator
 * (revenue on zero spend, for roas) adds N_i / D to R without any share, and is counted as rate.
 */
export function explainChange(facts: FactTable, options: ChangeOptions): ChangeExplanation {
  const { metric, dimension, filter } = options;
  if (!isMetric(metric))
    throw new MetricsError(`unknown metric "${metric}"; use one of ${METRICS.join(", ")}`);
  const currentSpan = spanOfRange(options.current, "the current period");
  const previousSpan = spanOfRange(options.previous, "the previous period");
  const previousGroups = aggregate(facts, { by: [dimension], filter, within: previousSpan });
  const currentGroups = aggregate(facts, { by: [dimension], filter, within: currentSpan });
  const segments = segmentsOf(facts, previousGroups, currentGroups);
  // Overall sums are the segments' sums added up, so that the contributions add up to the change exactly.
  const previousSums = addSums(facts, previousGroups);
  const currentSums = addSums(facts, currentGroups);
  const previous = metricFromSums(metric, previousSums);
  const current = metricFromSums(metric, currentSums);
  const change = previous === null || current === null ? null : current - previous;
  const contributions = isKpi(metric)
    ? kpiContributions(segments, metric, previousSums, currentSums, change)
    : segments.map((segment) => measureContribution(segment, metric));
  contributions.sort(
    (a, b) => descendingNullsLast(magnitude(a.total), magnitude(b.total)) || compareKeys(a.key, b.key),
  );
  return { metric, dimension, previous, current, change, contributions };
}

function segmentsOf(
  facts: FactTable,
  previousGroups: readonly Group[],
  currentGroups: readonly Group[],
): Segment[] {
  const empty = zeroSums(facts);
  const segments = new Map<string, Segment>();
  const periods = [
    ["previous", previousGroups],
    ["current", currentGroups],
  ] as const;
  for (const [period, groups] of periods) {
    for (const group of groups) {
      const key = group.keys[0] as string;
      const segment = segments.get(key) ?? { key, previous: empty, current: empty };
      segment[period] = group.sums;
      segments.set(key, segment);
    }
  }
  return [...segments.values()];
}

function measureContribution(segment: Segment, metric: Metric): Contribution {
  const previous = metricFromSums(metric, segment.previous);
  const current = metricFromSums(metric, segment.current);
  const total = previous === null || current === null ? null : current - previous;
  const shares = { previousShare: null, currentShare: null, mixEffect: null, rateEffect: null };
  return { key: segment.key, previous, current, ...shares, total };
}

function kpiContributions(
  segments: readonly Segment[],
  kpi: Kpi,
  previousSums: MeasureSums,
  currentSums: MeasureSums,
  change: number | null,
): Contribution[] {
  const { numerator, denominator, scale } = METRIC_CATALOG[kpi].ratio;
  const previousRate = kpiFromSums(kpi, previousSums);
  const currentRate = kpiFromSums(kpi, currentSums);
  const previousBase = previousSums[denominator] ?? 0;
  const currentBase = currentSums[denominator] ?? 0;
  return segments.map((segment): Contribution => {
    const previous = kpiFromSums(kpi, segment.previous);
    const current = kpiFromSums(kpi, segment.current);
    if (change === null || previousRate === null || currentRate === null) {
      const unknown = { mixEffect: null, rateEffect: null, total: null };
      return { key: segment.key, previous, current, previousShare: null, currentShare: null, ...unknown };
    }
    // Unknown sums count as zero here because the overall sums skip those cells the same way.
    const n0 = segment.previous[numerator] ?? 0;
    const n1 = segment.current[numerator] ?? 0;
    const d0 = segment.previous[denominator] ?? 0;
    const d1 = segment.current[denominator] ?? 0;
    const w0 = d0 / previousBase;
    const w1 = d1 / currentBase;
    const r0 = d0 === 0 ? null : (n0 / d0) * scale;
    const r1 = d1 === 0 ? null : (n1 / d1) * scale;
    const meanRate = r0 === null ? r1 : r1 === null ? r0 : (r0 + r1) / 2;
    // Adding 0 turns a -0 (a shrinking share times a zero gap) into the 0 a reader expects.
    const mixEffect = meanRate === null ? 0 : (w1 - w0) * (meanRate - (previousRate + currentRate) / 2) + 0;
    const ownChange = r0 === null || r1 === null ? 0 : ((w0 + w1) / 2) * (r1 - r0);
    const unsharedNumerator =
      (d1 === 0 ? (n1 / currentBase) * scale : 0) - (d0 === 0 ? (n0 / previousBase) * scale : 0);
    const rateEffect = ownChange + unsharedNumerator + 0;
    return {
      key: segment.key,
      previous,
      current,
      previousShare: w0,
      currentShare: w1,
      mixEffect,
      rateEffect,
      total: mixEffect + rateEffect,
    };
  });
}

function magnitude(value: number | null): number | null {
  return value === null ? null : Math.abs(value);
}

/** The sums of a whole period from its groups: what `totals` would give, NaN cells skipped the same way. */
function addSums(facts: FactTable, groups: readonly Group[]): MeasureSums {
  const total = zeroSums(facts);
  for (const measure of Object.keys(total) as Measure[]) {
    const known = groups.flatMap((group) => (group.sums[measure] == null ? [] : [group.sums[measure]]));
    total[measure] =
      groups.length > 0 && known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
  }
  return total;
}
