import { type DateRange, dayToIso, type FactTable, type Measure } from "../../ingest/fact-table.js";
import { aggregate } from "../../metrics/aggregate.js";
import { type Figures, isKpi, METRIC_CATALOG, type Metric, totals } from "../../metrics/index.js";
import { type MeasureSums, metricFromSums } from "../../metrics/kpis.js";
import { median } from "../../metrics/robust-stats.js";
import { type DayValue, unusualRuns } from "./unusual-runs.js";

/** Where a finding happened: the whole data (null) or one value of a dimension. */
export type FindingScope = { dimension: string; value: string } | null;

/** A stretch of days when one metric of one campaign, channel or the whole account broke from its usual. */
export interface Finding {
  scope: FindingScope;
  metric: Metric;
  from: string;
  to: string;
  /** The metric over the run (a day's mean for a measure, the run's ratio for a KPI) and on a usual day. */
  actual: number;
  usual: number;
  /** Relative change of the run against the usual day: -0.6 is "fell 60%". */
  change: number;
  /** Money the change is worth, in the data's currency; null when the data cannot price it. */
  stake: number | null;
  /** The change as a share of the metric's total over the period, for data that cannot price it. */
  share: number;
  /** How spend moved over the same days, when the data has spend and this finding is not about spend. */
  spendChange: number | null;
  /** How the main result (conversions, else revenue, else key events) moved, for a finding about spend. */
  resultChange: { metric: Metric; change: number } | null;
  /** The data has one row a week (a weekly export): `from` is the start of a week, not a day. */
  weekly: boolean;
}

export interface FindingOptions {
  period?: DateRange;
  /** How many findings to return, the largest first; 2 by default. */
  limit?: number;
}

/** The headline metrics scanned, in the order a story is told: money in, results, traffic, then ratios. */
const SCANNED: readonly Metric[] = [
  "spend",
  "conversions",
  "revenue",
  "key_events",
  "clicks",
  "sessions",
  "impressions",
  "engaged_sessions",
  "roas",
  "cpa",
  "ctr",
  "cvr",
  "cpc",
  "engagement_rate",
];
const RESULTS: readonly Measure[] = ["conversions", "revenue", "key_events"];
const DELIVERY: readonly Measure[] = ["spend", "impressions", "clicks", "sessions"];
const SCOPE_DIMENSIONS = ["campaign", "channel"];
/** The largest values of a dimension scanned; a long tail of tiny campaigns has no money at stake. */
const MAX_SCOPES_PER_DIMENSION = 25;
/** A change worth less than this share of its measure's total over the period is not news. */
const MIN_SHARE = 0.01;
/** A member this close to the story's largest stake may tell it, so the most specific scope can. */
const TELLER_SHARE = 0.5;

type Daily = Map<number, MeasureSums>;
interface Scanned extends Finding {
  first: number;
  last: number;
}

/**
 * What a marketer should hear first about this data: every headline metric of the whole account, of each
 * campaign and of each channel is scanned for stretches of days that broke from the usual (over days with
 * delivery only), each is priced in money (one worth under 1% of its measure's total is dropped), and
 * overlapping or touching findings about the same thing (a campaign's
 * conversions, revenue and CPA falling together, or the account falling because one campaign did) become one
 * story told by its most specific, most telling member. The largest stories come first.
 */
export function findings(facts: FactTable, options: FindingOptions = {}): Finding[] {
  if (!facts.days) return [];
  const filter = options.period ? { dateRange: options.period } : undefined;
  const figures = totals(facts, filter);
  const metrics = SCANNED.filter((metric) => figures[metric] !== null);
  if (metrics.length === 0) return [];
  const scopes = scopeSeries(facts, filter);
  const weekly = isWeekly(deliveredDays(scopes[0]?.daily ?? new Map()));
  const found: Scanned[] = [];
  for (const { scope, daily } of scopes) {
    const days = deliveredDays(daily);
    for (const metric of metrics) {
      found.push(
        ...scanMetric(scope, metric, daily, days, figures).map((finding) => ({ ...finding, weekly })),
      );
    }
  }
  const parents = parentsOf(facts, filter);
  const material = found.filter((finding) => finding.share >= MIN_SHARE);
  return stories(material, parents).slice(0, options.limit ?? 2);
}

function scopeSeries(facts: FactTable, filter: { dateRange: DateRange } | undefined) {
  const account: Daily = new Map();
  for (const group of aggregate(facts, { grain: "day", filter }))
    account.set(group.bucket as number, group.sums);
  const scopes: { scope: FindingScope; daily: Daily }[] = [{ scope: null, daily: account }];
  for (const dimension of SCOPE_DIMENSIONS) {
    if ((facts.dimensions[dimension]?.values.length ?? 0) < 2) continue;
    const byValue = new Map<string, Daily>();
    for (const group of aggregate(facts, { by: [dimension], grain: "day", filter })) {
      const value = group.keys[0] as string;
      const daily = byValue.get(value) ?? new Map<number, MeasureSums>();
      daily.set(group.bucket as number, group.sums);
      byValue.set(value, daily);
    }
    const largest = [...byValue].sort((a, b) => volume(b[1]) - volume(a[1]));
    for (const [value, daily] of largest.slice(0, MAX_SCOPES_PER_DIMENSION)) {
      scopes.push({ scope: { dimension, value }, daily });
    }
  }
  return scopes;
}

/** Rows a week apart (GA4's and Shopify's weekly exports): most gaps between dated days are 7. */
function isWeekly(days: readonly number[]): boolean {
  const gaps = days.slice(1).map((day, index) => day - (days[index] as number));
  return gaps.length >= 3 && median(gaps) === 7;
}

function volume(daily: Daily): number {
  let total = 0;
  for (const sums of daily.values()) total += sums.spend ?? sums.sessions ?? sums.clicks ?? 0;
  return total;
}

/** Days with rows and some delivery: a Meta export lists paused days as rows of zeros. */
function deliveredDays(daily: Daily): number[] {
  return [...daily.keys()]
    .filter((day) => {
      const sums = daily.get(day) as MeasureSums;
      const known = DELIVERY.filter((measure) => sums[measure] != null);
      return known.length === 0 || known.some((measure) => (sums[measure] as number) > 0);
    })
    .sort((a, b) => a - b);
}

function scanMetric(
  scope: FindingScope,
  metric: Metric,
  daily: Daily,
  days: readonly number[],
  figures: Figures,
): Omit<Scanned, "weekly">[] {
  const series: DayValue[] = days.flatMap((day) => {
    const value = metricFromSums(metric, daily.get(day) as MeasureSums);
    return value === null || !Number.isFinite(value) ? [] : [{ day, value }];
  });
  return unusualRuns(series, { logScale: isKpi(metric) })
    .map((run) => {
      const runDays = series.slice(run.first, run.last + 1).map((point) => point.day);
      const runSums = sumDays(daily, runDays);
      const actual = isKpi(metric) ? (metricFromSums(metric, runSums) ?? run.mean) : run.mean;
      const units = stakeUnits(metric, run.mean, run.usual, runDays.length, runSums);
      const total = figures[isKpi(metric) ? METRIC_CATALOG[metric as "ctr"].ratio.numerator : metric];
      return {
        scope,
        metric,
        first: runDays[0] as number,
        last: runDays.at(-1) as number,
        from: dayToIso(runDays[0] as number),
        to: dayToIso(runDays.at(-1) as number),
        actual,
        usual: run.usual,
        change: (actual - run.usual) / Math.abs(run.usual),
        stake:
          units.value === null ? null : Math.abs(units.value * (moneyPerUnit(units.measure, figures) ?? NaN)),
        share: total ? Math.abs((units.value ?? 0) / total) : 0,
        spendChange: metric === "spend" ? null : runChange("spend", daily, days, runDays),
        resultChange: metric === "spend" ? mainResultChange(daily, days, runDays) : null,
      };
    })
    .map((finding) => (Number.isNaN(finding.stake) ? { ...finding, stake: null } : finding));
}

/** The change in units of a measure: for a KPI, its numerator against what the usual ratio would give. */
function stakeUnits(metric: Metric, mean: number, usual: number, length: number, runSums: MeasureSums) {
  if (!isKpi(metric)) return { measure: metric as Measure, value: (mean - usual) * length };
  const { numerator, denominator, scale } = METRIC_CATALOG[metric].ratio;
  const num = runSums[numerator];
  const den = runSums[denominator];
  if (num == null || den == null) return { measure: numerator, value: null };
  return { measure: numerator, value: num - (usual * den) / scale };
}

/** What one unit of a measure is worth: revenue per unit where the data has revenue, else its cost. */
function moneyPerUnit(measure: Measure, figures: Figures): number | null {
  if (measure === "spend" || measure === "revenue") return 1;
  const count = figures[measure];
  if (!count) return null;
  if (figures.revenue) return figures.revenue / count;
  return figures.spend ? figures.spend / count : null;
}

function sumDays(daily: Daily, days: readonly number[]): MeasureSums {
  const result: Partial<Record<Measure, number | null>> = {};
  for (const day of days) {
    for (const [measure, value] of Object.entries(daily.get(day) ?? {})) {
      const key = measure as Measure;
      if (value == null || Number.isNaN(value)) result[key] ??= null;
      else result[key] = (result[key] ?? 0) + value;
    }
  }
  return result as MeasureSums;
}

/** A measure's mean over the run's days against its median on the scope's other delivered days. */
function runChange(measure: Measure, daily: Daily, days: readonly number[], runDays: readonly number[]) {
  const inRun = new Set(runDays);
  const value = (day: number) => daily.get(day)?.[measure];
  const outside = days.filter((day) => !inRun.has(day)).map(value);
  const inside = runDays.map(value);
  if (outside.length === 0 || [...outside, ...inside].some((v) => v == null || Number.isNaN(v))) return null;
  const usual = median(outside as number[]);
  if (usual === 0) return null;
  const mean = (inside as number[]).reduce((sum, v) => sum + v, 0) / inside.length;
  return (mean - usual) / Math.abs(usual);
}

function mainResultChange(daily: Daily, days: readonly number[], runDays: readonly number[]) {
  for (const metric of RESULTS) {
    const change = runChange(metric, daily, days, runDays);
    if (change !== null) return { metric, change };
  }
  return null;
}

/** For each campaign, the one channel all its rows belong to (a campaign spread over several has none). */
function parentsOf(facts: FactTable, filter: { dateRange: DateRange } | undefined): Map<string, string> {
  const parents = new Map<string, string>();
  if (!facts.dimensions.campaign || !facts.dimensions.channel) return parents;
  const seen = new Map<string, Set<string>>();
  for (const group of aggregate(facts, { by: ["campaign", "channel"], filter })) {
    const [campaign, channel] = group.keys as [string, string];
    seen.set(campaign, (seen.get(campaign) ?? new Set()).add(channel));
  }
  for (const [campaign, channels] of seen) {
    if (channels.size === 1) parents.set(campaign, [...channels][0] as string);
  }
  return parents;
}

function nested(a: FindingScope, b: FindingScope, parents: Map<string, string>): boolean {
  if (a === null || b === null) return true;
  if (a.dimension === b.dimension) return a.value === b.value;
  const [campaign, channel] = a.dimension === "campaign" ? [a, b] : [b, a];
  return parents.get(campaign.value) === channel.value;
}

const SPECIFICITY: Record<string, number> = { campaign: 2, channel: 1 };

function stories(found: Scanned[], parents: Map<string, string>): Finding[] {
  const byWeight = (a: Finding, b: Finding) => (b.stake ?? -1) - (a.stake ?? -1) || b.share - a.share;
  const groups: Scanned[][] = [];
  for (const finding of [...found].sort(byWeight)) {
    const story = groups.find((members) =>
      members.some(
        (member) =>
          finding.first <= member.last + 1 &&
          finding.last >= member.first - 1 &&
          nested(finding.scope, member.scope, parents),
      ),
    );
    if (story) story.push(finding);
    else groups.push([finding]);
  }
  return groups.map((members) => {
    const top = members[0] as Scanned;
    const tellers = members.filter((member) =>
      top.stake === null
        ? member.share >= TELLER_SHARE * top.share
        : (member.stake ?? 0) >= TELLER_SHARE * top.stake,
    );
    tellers.sort(
      (a, b) =>
        (SPECIFICITY[b.scope?.dimension ?? ""] ?? 0) - (SPECIFICITY[a.scope?.dimension ?? ""] ?? 0) ||
        SCANNED.indexOf(a.metric) - SCANNED.indexOf(b.metric),
    );
    const { first: _first, last: _last, ...teller } = tellers[0] as Scanned;
    return { ...teller, stake: top.stake, share: top.share };
  });
}
