import { dayToIso, type FactTable } from "../ingest/fact-table.js";
import { aggregate } from "./aggregate.js";
import type { Filter } from "./filter.js";
import { metricFromSums } from "./kpis.js";
import { isMetric, METRICS, type Metric } from "./metric-catalog.js";
import { MetricsError } from "./metrics-error.js";
import {
  MAD_TO_SIGMA,
  MEAN_AD_TO_SIGMA,
  meanAbsoluteDeviation,
  median,
  medianAbsoluteDeviation,
} from "./robust-stats.js";
import { zeroSums } from "./totals.js";

export interface AnomalyOptions {
  metric: Metric;
  filter?: Filter;
  /** Robust z-score beyond which a day is unusual; 3.5 by default (Iglewicz and Hoaglin's cut-off). */
  threshold?: number;
  /** Fewer usable days than this give no anomalies; 7 by default, at least 3. */
  minPoints?: number;
}

export interface Anomaly {
  date: string;
  metric: Metric;
  actual: number;
  /** The series' median and the band within `threshold` robust deviations of it. */
  expected: { low: number; high: number; median: number };
  direction: "above" | "below";
  /** How many robust standard deviations the day lies from the median (always positive). */
  score: number;
}

const DEFAULT_THRESHOLD = 3.5;
const DEFAULT_MIN_POINTS = 7;
/**
 * The spread is never taken below 1% of the median. Budget-capped spend sits at the cap almost every day,
 * making the MAD about zero; without a floor a day 1% under the cap would score as a huge anomaly.
 */
const MIN_SPREAD_SHARE_OF_MEDIAN = 0.01;
/** Days without rows in a row, up to which they are an outage to report rather than a pause. */
const MAX_GAP_JUDGED = 2;

/**
 * Unusual days of a metric's daily series, in date order.
 *
 * The baseline is the whole series rather than a trailing window. Exports typically cover 14 to 90 days,
 * and a trailing window would leave its first weeks unjudged; the median and the MAD ignore up to half the
 * points being extreme, so a spike cannot hide itself by inflating the baseline, and a steady ramp or a
 * weekday rhythm widens the MAD instead of raising alarms. The score is (value - median) / (1.4826 x MAD);
 * when more than half the days are identical the MAD is 0 and the mean absolute deviation (x 1.2533)
 * stands in for it.
 *
 * The series runs from the first to the last day on which the filtered rows occur, so a campaign's launch
 * is not a string of anomalies. The baseline is taken from days with rows only: an export with months of no
 * delivery would otherwise centre on zero and make every active day unusual. A short gap (up to
 * `MAX_GAP_JUDGED` days without rows) is judged as zero against that baseline, since the platforms omit
 * days with no delivery and a day that stopped is news; a longer gap is a pause and is not judged. For a
 * KPI, days whose denominator is zero or unknown are skipped, as are days where a measure is unknown.
 */
export function anomalies(facts: FactTable, options: AnomalyOptions): Anomaly[] {
  const { metric, threshold = DEFAULT_THRESHOLD, minPoints = DEFAULT_MIN_POINTS } = options;
  if (!isMetric(metric))
    throw new MetricsError(`unknown metric "${metric}"; use one of ${METRICS.join(", ")}`);
  if (!(threshold > 0)) throw new MetricsError(`threshold must be a positive score, not ${threshold}`);
  if (!(Number.isInteger(minPoints) && minPoints >= 3)) {
    throw new MetricsError(`minPoints must be a whole number of days, at least 3, not ${minPoints}`);
  }
  const points = dailySeries(facts, metric, options.filter);
  const values = points.filter((point) => point.delivered).map((point) => point.value);
  if (values.length < minPoints) return [];
  const center = median(values);
  const spread = robustSpread(values, center);
  if (spread === 0) return [];
  const floor = values.every((value) => value >= 0) ? 0 : Number.NEGATIVE_INFINITY;
  const expected = {
    low: Math.max(floor, center - threshold * spread),
    high: center + threshold * spread,
    median: center,
  };
  return points.flatMap(({ day, value }): Anomaly[] => {
    const z = (value - center) / spread;
    if (Math.abs(z) <= threshold) return [];
    return [
      {
        date: dayToIso(day),
        metric,
        actual: value,
        expected: { ...expected },
        direction: z > 0 ? "above" : "below",
        score: Math.abs(z),
      },
    ];
  });
}

function dailySeries(facts: FactTable, metric: Metric, filter: Filter | undefined) {
  if (!facts.days) throw new MetricsError("this data has no dates, so it has no daily series");
  const byDay = new Map(
    aggregate(facts, { grain: "day", filter }).map((group) => [group.bucket as number, group.sums]),
  );
  if (byDay.size === 0) return [];
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const empty = zeroSums(facts);
  const points: { day: number; value: number; delivered: boolean }[] = [];
  days.forEach((day, index) => {
    const previous = days[index - 1];
    if (previous !== undefined && day - previous - 1 <= MAX_GAP_JUDGED) {
      for (let gap = previous + 1; gap < day; gap++) {
        const value = metricFromSums(metric, empty);
        if (value !== null) points.push({ day: gap, value, delivered: false });
      }
    }
    const value = metricFromSums(metric, byDay.get(day) ?? empty);
    if (value !== null) points.push({ day, value, delivered: true });
  });
  return points;
}

function robustSpread(values: readonly number[], center: number): number {
  const mad = MAD_TO_SIGMA * medianAbsoluteDeviation(values, center);
  const spread = mad > 0 ? mad : MEAN_AD_TO_SIGMA * meanAbsoluteDeviation(values, center);
  return Math.max(spread, MIN_SPREAD_SHARE_OF_MEDIAN * Math.abs(center));
}
