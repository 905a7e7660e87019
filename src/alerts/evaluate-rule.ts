import { type DateRange, dayRange, dayToIso, type FactTable } from "../ingest/index.js";
import {
  type Anomaly,
  anomalies,
  breakdown,
  type Figures,
  type Filter,
  isKpi,
  MetricsError,
  totals,
} from "../metrics/index.js";
import {
  type AlertRule,
  type AnomalyRule,
  compare,
  type DailyAverageRule,
  type ThresholdRule,
} from "./alert-rule.js";

/** What a rule says about one key: all the live data ("all"), or one value of its `by` dimension. */
export interface Verdict {
  key: string;
  /** The `by` dimension's value, or null for a rule over all rows. */
  segment: string | null;
  /** The metric over the window (for an anomaly rule, on the unusual day). */
  value: number | null;
  /** The line the value crossed: the threshold, factor x the daily average, or the anomaly band's edge. */
  limit: number | null;
  /** The daily average (daily-average rules) or the series' median (anomaly rules). */
  baseline: number | null;
  /** Anomaly rules: the unusual day and the band a usual day falls in. */
  anomaly: Anomaly | null;
  spend: number | null;
  breached: boolean;
  /**
   * False when the data cannot say (no value, too little spend, no baseline): such a verdict neither fires
   * an alert nor resolves one.
   */
  judged: boolean;
}

export interface RuleEvaluation {
  window: DateRange;
  verdicts: Verdict[];
}

/** Segments an anomaly rule examines at most, largest spend first: each is its own daily series. */
const MAX_ANOMALY_SEGMENTS = 25;
const ALL = "all";

/**
 * Judges a rule on live facts as of `today` (a day number), with the metrics engine's figures only. Data
 * that cannot answer (no dates yet, a dimension no row has) gives no verdicts rather than an error:
 * live data fills in over time.
 */
export function evaluateRule(rule: AlertRule, facts: FactTable, today: number): RuleEvaluation {
  const window = { from: dayToIso(today - rule.windowDays + 1), to: dayToIso(today) };
  if (!facts.days || facts.rowCount === 0) return { window, verdicts: [] };
  try {
    const verdicts =
      rule.kind === "threshold"
        ? thresholdVerdicts(rule, facts, window)
        : rule.kind === "daily-average"
          ? dailyAverageVerdicts(rule, facts, today)
          : anomalyVerdicts(rule, facts, window);
    return { window, verdicts };
  } catch (error) {
    if (error instanceof MetricsError) return { window, verdicts: [] };
    throw error;
  }
}

/** The rows a rule looks at: its `for` scope, narrowed to one segment of its `by` dimension when given. */
export function ruleFilter(rule: AlertRule, segment: string | null, dateRange?: DateRange): Filter {
  const where: Record<string, string[]> = {};
  if (rule.scope) where[rule.scope.dimension] = [rule.scope.value];
  if (rule.by && segment !== null) where[rule.by] = [...(where[rule.by] ?? []), segment];
  return { where, ...(dateRange ? { dateRange } : {}) };
}

/** Figures per segment (or of everything) over a date range. */
function figuresByKey(rule: AlertRule, facts: FactTable, range: DateRange): Map<string, Figures> {
  if (!rule.by) return new Map([[ALL, totals(facts, ruleFilter(rule, null, range))]]);
  const rows = breakdown(facts, rule.by, { filter: ruleFilter(rule, null, range) });
  return new Map(rows.map(({ key, ...figures }) => [key, figures]));
}

function enoughSpend(rule: AlertRule, figures: Figures): boolean {
  return rule.minSpend === undefined || (figures.spend ?? 0) >= rule.minSpend;
}

function verdictOf(rule: AlertRule, key: string, figures: Figures, fields: Partial<Verdict>): Verdict {
  return {
    key,
    segment: rule.by ? key : null,
    value: figures[rule.metric],
    limit: null,
    baseline: null,
    anomaly: null,
    spend: figures.spend,
    breached: false,
    judged: false,
    ...fields,
  };
}

function thresholdVerdicts(rule: ThresholdRule, facts: FactTable, window: DateRange): Verdict[] {
  return [...figuresByKey(rule, facts, window)].map(([key, figures]) => {
    const value = figures[rule.metric];
    const judged = value !== null && enoughSpend(rule, figures);
    const breached = judged && compare(value, rule.comparison, rule.threshold);
    return verdictOf(rule, key, figures, { limit: rule.threshold, judged, breached });
  });
}

/**
 * Today against the daily average of the previous `baselineDays` (fewer when the data starts later). For
 * a measure the average is the baseline's sum per day; for a KPI it is the KPI over the baseline days, a
 * ratio of sums like every KPI.
 */
function dailyAverageVerdicts(rule: DailyAverageRule, facts: FactTable, today: number): Verdict[] {
  const firstDay = dayRange(facts)?.first ?? today;
  const baselineFirst = Math.max(today - rule.baselineDays, firstDay);
  const baselineDays = today - baselineFirst;
  const current = figuresByKey(rule, facts, { from: dayToIso(today), to: dayToIso(today) });
  const baseline =
    baselineDays > 0
      ? figuresByKey(rule, facts, { from: dayToIso(baselineFirst), to: dayToIso(today - 1) })
      : new Map<string, Figures>();
  return [...current].map(([key, figures]) => {
    const value = figures[rule.metric];
    const earlier = baseline.get(key)?.[rule.metric] ?? null;
    const average = earlier === null ? null : isKpi(rule.metric) ? earlier : earlier / baselineDays;
    const limit = average === null ? null : rule.factor * average;
    const judged = value !== null && limit !== null && (average as number) > 0 && enoughSpend(rule, figures);
    const breached = judged && compare(value as number, rule.comparison, limit as number);
    return verdictOf(rule, key, figures, { limit, baseline: average, judged, breached });
  });
}

/**
 * A segment is breached when the detector flags a day inside the window; the latest such day is the one
 * reported. Without an unusual day the verdict is judged (and can resolve an alert) when the segment has
 * a value in the window.
 */
function anomalyVerdicts(rule: AnomalyRule, facts: FactTable, window: DateRange): Verdict[] {
  const inWindow = figuresByKey(rule, facts, window);
  const segments = [...inWindow].slice(0, MAX_ANOMALY_SEGMENTS);
  return segments.map(([key, figures]) => {
    const flagged = anomalies(facts, {
      metric: rule.metric,
      filter: ruleFilter(rule, rule.by ? key : null),
    }).filter((anomaly) => anomaly.date >= window.from && anomaly.date <= window.to);
    const latest = flagged[flagged.length - 1] ?? null;
    const judged = (latest !== null || figures[rule.metric] !== null) && enoughSpend(rule, figures);
    if (!latest) return verdictOf(rule, key, figures, { judged });
    return verdictOf(rule, key, figures, {
      value: latest.actual,
      limit: latest.direction === "above" ? latest.expected.high : latest.expected.low,
      baseline: latest.expected.median,
      anomaly: latest,
      judged,
      breached: judged,
    });
  });
}
