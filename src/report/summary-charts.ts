import type { TopLevelSpec } from "vega-lite";
import {
  breakdownChartSpec,
  type ChartContext,
  renderPng,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../charts/index.js";
import type { DateRange, FactTable } from "../ingest/index.js";
import {
  anomalies,
  breakdown,
  type Filter,
  type Grain,
  METRIC_CATALOG,
  MetricsError,
  trend,
} from "../metrics/index.js";
import type { PerformanceSummary } from "./performance-summary.js";

export interface SummaryChart {
  title: string;
  filename: string;
  png: Buffer;
}

const DAY_MS = 86_400_000;

/**
 * The one or two pictures that go with a summary: the key metric over time (when the data has at least a
 * week of dates), and where the money went by the summary's ranking dimension (spend against revenue
 * when there is revenue).
 */
export async function summaryCharts(
  facts: FactTable,
  summary: PerformanceSummary,
  context: ChartContext,
): Promise<SummaryChart[]> {
  const charts: (Omit<SummaryChart, "png"> & { spec: TopLevelSpec })[] = [];
  // An undated file's period comes from its title line: it names the charts' dates but cannot cut rows.
  const filter: Filter | undefined = summary.period && facts.days ? { dateRange: summary.period } : undefined;
  const metric = summary.metric;
  const grain = facts.days && summary.period ? grainFor(summary.period) : null;
  if (grain) {
    const spec = trendChartSpec({
      rows: trend(facts, grain, { filter }),
      metric,
      grain,
      anomalies: grain === "day" ? safeAnomalies(facts, metric, filter) : [],
      context,
    });
    charts.push({
      title: `${METRIC_CATALOG[metric].label} per ${grain}`,
      filename: `${metric}-per-${grain}.png`,
      spec,
    });
  }
  const dimension = summary.dimension;
  if (dimension) {
    const rows = breakdown(facts, dimension, { filter });
    const spec =
      summary.figures.revenue !== null && summary.figures.spend !== null
        ? spendVsRevenueChartSpec({ rows, dimension, context })
        : breakdownChartSpec({
            rows,
            metric: summary.figures.spend !== null ? "spend" : metric,
            dimension,
            context,
          });
    charts.push({ title: `By ${dimension.replaceAll("_", " ")}`, filename: `by-${dimension}.png`, spec });
  }
  // Together: one chart's PNG is encoded on another thread while the next one is laid out.
  return Promise.all(charts.map(async ({ spec, ...chart }) => ({ ...chart, png: await renderPng(spec) })));
}

/** Days for up to two months, weeks for up to a year and a half, months beyond; none under a week. */
function grainFor(period: DateRange): Grain | null {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY_MS + 1;
  if (days < 7) return null;
  if (days <= 62) return "day";
  return days <= 550 ? "week" : "month";
}

function safeAnomalies(facts: FactTable, metric: Parameters<typeof anomalies>[1]["metric"], filter?: Filter) {
  try {
    return anomalies(facts, { metric, filter });
  } catch (error) {
    if (error instanceof MetricsError) return [];
    throw error;
  }
}
