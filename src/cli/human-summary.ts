import { unreportedNote } from "../agent/tool-support/metric-availability.js";
import { formatChange, formatFigure } from "../format/format-figures.js";
import {
  describeCheck,
  describeContradiction,
  describePeriod,
  describeReading,
} from "../format/format-receipt.js";
import { type FactTable, MEASURES } from "../ingest/fact-table.js";
import type { Dataset, ParseReceipt } from "../ingest/index.js";
import {
  breakdown,
  comparePeriods,
  componentsOf,
  KPIS,
  METRIC_CATALOG,
  type Metric,
  totals,
  unreportedMeasures,
} from "../metrics/index.js";
import { otherMeasuresLine } from "./other-measures-line.js";

const BREAKDOWN_ROWS = 15;

/**
 * `mpo analyze` without --json: what a marketer reads in a terminal. With `sources` (several files
 * blended) it opens with the files in scope, one line each.
 */
export function humanSummary(
  dataset: Dataset,
  options: { by?: string; sources?: readonly ParseReceipt[] },
): string {
  const { receipt, facts } = dataset;
  const currency = receipt.currency;
  const lines: string[] = [];
  if (options.sources) {
    lines.push(`Files in scope (${options.sources.length}), blended:`);
    for (const source of options.sources)
      lines.push(`  - ${source.file}: ${describeReading(source)} · ${describePeriod(source.dateRange)}`);
  } else lines.push(`${receipt.file}: ${describeReading(receipt)}`);
  lines.push(`Period: ${describePeriod(receipt.dateRange)} · Currency: ${currency ?? "not stated"}`);
  const contradiction = describeContradiction(dataset.totalsCheck, receipt.warnings);
  if (contradiction) lines.push(`✗ ${contradiction[0]?.toUpperCase()}${contradiction.slice(1)}`);
  const check = describeCheck(dataset.totalsCheck);
  if (check) lines.push(`✓ ${check[0]?.toUpperCase()}${check.slice(1)}`);

  const figures = totals(facts);
  const present = MEASURES.filter((measure) => figures[measure] !== null);
  lines.push(
    "",
    present
      .map(
        (measure) => `${METRIC_CATALOG[measure].label} ${formatFigure(measure, figures[measure], currency)}`,
      )
      .join(" · "),
  );
  const kpis = KPIS.filter((kpi) => figures[kpi] !== null && judged(facts, kpi));
  if (kpis.length > 0)
    lines.push(
      kpis
        .map((kpi) => `${METRIC_CATALOG[kpi].label} ${formatFigure(kpi, figures[kpi], currency)}`)
        .join(" · "),
    );
  const others = otherMeasuresLine(dataset);
  if (others) lines.push(others);
  const untracked = unreportedNote(facts);
  if (untracked) lines.push(`Note: ${untracked}.`);

  if (facts.days) {
    const comparison = comparePeriods(facts);
    const watched: Metric[] = ["spend", "conversions", "revenue", "cpa", "roas"];
    const changes = watched
      .filter((metric) => comparison.current.figures[metric] !== null && judged(facts, metric))
      .map(
        (metric) =>
          `${METRIC_CATALOG[metric].label} ${formatChange(comparison.deltas[metric].relative, comparison.deltas[metric].absolute)}`,
      );
    if (changes.length > 0) {
      lines.push(
        "",
        `${comparison.current.range.from} to ${comparison.current.range.to} vs ${comparison.previous.range.from} to ${comparison.previous.range.to}: ${changes.join(" · ")}`,
      );
    }
  }

  if (options.by) lines.push("", ...breakdownTable(dataset, options.by));
  if (receipt.warnings.length > 0)
    lines.push("", "Warnings:", ...receipt.warnings.map((warning) => `  - ${warning}`));
  return `${lines.join("\n")}\n`;
}

function breakdownTable(dataset: Dataset, dimension: string): string[] {
  const currency = dataset.receipt.currency;
  const rows = breakdown(dataset.facts, dimension);
  const figures = totals(dataset.facts);
  const columns = (
    ["spend", "impressions", "clicks", "conversions", "revenue", "ctr", "cpa", "roas"] as Metric[]
  ).filter((metric) => figures[metric] !== null && judged(dataset.facts, metric));
  const shown = rows.slice(0, BREAKDOWN_ROWS);
  const keyWidth = Math.min(40, Math.max(dimension.length, ...shown.map((row) => row.key.length)));
  const cells = shown.map((row) => columns.map((metric) => formatFigure(metric, row[metric], currency)));
  const widths = columns.map((metric, i) =>
    Math.max(METRIC_CATALOG[metric].label.length, ...cells.map((rowCells) => (rowCells[i] as string).length)),
  );
  const header = [
    dimension.padEnd(keyWidth),
    ...columns.map((metric, i) => METRIC_CATALOG[metric].label.padStart(widths[i] as number)),
  ];
  const body = shown.map((row, r) => [
    truncate(row.key, keyWidth).padEnd(keyWidth),
    ...(cells[r] as string[]).map((cell, i) => cell.padStart(widths[i] as number)),
  ]);
  const more =
    rows.length > shown.length ? [`… and ${rows.length - shown.length} more (use --json for all)`] : [];
  return [`By ${dimension}:`, ...[header, ...body].map((line) => `  ${line.join("  ")}`), ...more];
}

/**
 * False for a figure over an outcome the file exports but never tracks (ROAS over a conversion value that
 * is 0 on every row while it spent): it would read as a result. The note under the totals says why.
 */
function judged(facts: FactTable, metric: Metric): boolean {
  const untracked = unreportedMeasures(facts);
  return !componentsOf(metric).some((measure) => untracked.includes(measure));
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
