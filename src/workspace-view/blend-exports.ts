import { PLATFORM_LABELS } from "../format/format-receipt.js";
import {
  concatFactTables,
  type Dataset,
  type DimensionColumn,
  dateRangeOf,
  type FactTable,
  type Measure,
  type ParseReceipt,
  type TotalsCheck,
} from "../ingest/index.js";
import { withoutRows } from "../ingest/without-rows.js";
import { BlendError } from "./blend-error.js";
import { planCurrency } from "./currency-guard.js";
import type { CurrencyRate } from "./currency-rates.js";
import { findRepeatedReports } from "./repeated-reports.js";
import { isSitePlatform, keepSiteMeasuresApart } from "./site-measures.js";

/** The dimensions every blend adds: which platform and which file a row came from. */
export const PLATFORM_DIMENSION = "platform";
export const SOURCE_FILE_DIMENSION = "source file";

export type SourceReceipt = ParseReceipt & { totalsCheck: TotalsCheck | null };

/** Several exports (and live data) as one dataset, and what was done to put them together. */
export interface WorkspaceView {
  /** The blend: facts with `platform` and `source file` dimensions, and a receipt naming every file. */
  dataset: Dataset;
  /** Each file's own receipt, in the order given. */
  sources: SourceReceipt[];
  /** Every guard that changed or limited the blend, in words a marketer reads. */
  notes: string[];
}

export interface BlendOptions {
  /** Currency rates the user gave; without them files in different currencies are refused. */
  rates?: readonly CurrencyRate[];
}

/**
 * A channel's exports as one view: one file is returned as it is, several are blended with their platform
 * and file as dimensions. Money is in one currency (converted only at a rate the user gave), a report
 * uploaded twice counts once, site analytics (GA4, Shopify) never add to ad-platform revenue or
 * conversions, and a ratio that some files cannot feed is said.
 */
export function blendExports(datasets: readonly Dataset[], options: BlendOptions = {}): WorkspaceView {
  const sources = datasets.map((d): SourceReceipt => ({ ...d.receipt, totalsCheck: d.totalsCheck }));
  const [only] = datasets;
  if (!only) throw new BlendError("there is no export to analyse: give at least one file");
  if (datasets.length === 1 && (options.rates ?? []).length === 0)
    return { dataset: only, sources, notes: [] };
  assertDistinctNames(datasets);

  const notes: string[] = [];
  const site = datasets.map(keepSiteMeasuresApart);
  notes.push(...site.flatMap((s) => s.note ?? []));
  const money = planCurrency(
    datasets.map((d, i) => ({ receipt: d.receipt, facts: (site[i] as { facts: FactTable }).facts })),
    options.rates ?? [],
  );
  notes.push(...money.notes);
  const repeated = findRepeatedReports(
    datasets.map((d, i) => ({ receipt: d.receipt, facts: money.facts[i] as FactTable })),
  );
  notes.push(...repeated.notes);
  const parts = datasets.map((d, i) => {
    const drop = repeated.rowsToDrop[i] as number[];
    const facts = money.facts[i] as FactTable;
    return tagged(drop.length > 0 ? withoutRows(facts, drop) : facts, d.receipt);
  });
  notes.push(...coverageNotes(datasets), ...periodNotes(sources));
  const facts = concatFactTables(parts);
  return {
    dataset: { facts, receipt: blendReceipt(sources, facts, money.currency, notes), totalsCheck: null },
    sources,
    notes,
  };
}

/** Files are told apart by name in every answer, so two files of one name would be one source. */
function assertDistinctNames(datasets: readonly Dataset[]): void {
  const seen = new Set<string>();
  for (const { receipt } of datasets) {
    if (seen.has(receipt.file)) {
      throw new BlendError(
        `two files are named "${receipt.file}": rename one so each answer can say which file a figure came from`,
      );
    }
    seen.add(receipt.file);
  }
}

/** The rows of one file, labelled with its platform and name; a column of the file's own of either name keeps its figures under "<name> (in file)". */
function tagged(facts: FactTable, receipt: ParseReceipt): FactTable {
  const dimensions: Record<string, DimensionColumn> = {};
  for (const [name, column] of Object.entries(facts.dimensions)) {
    const clashes = [PLATFORM_DIMENSION, SOURCE_FILE_DIMENSION].includes(name.trim().toLowerCase());
    dimensions[clashes ? `${name} (in file)` : name] = column;
  }
  dimensions[PLATFORM_DIMENSION] = constant(facts.rowCount, platformLabel(receipt));
  dimensions[SOURCE_FILE_DIMENSION] = constant(facts.rowCount, receipt.file);
  return { ...facts, dimensions };
}

/** Two files of no known platform are not one platform: each is named by its file. */
function platformLabel(receipt: ParseReceipt): string {
  return receipt.platform === "generic" ? `Other (${receipt.file})` : PLATFORM_LABELS[receipt.platform];
}

const constant = (rows: number, value: string): DimensionColumn => ({
  codes: new Int32Array(rows),
  values: [value],
});

/**
 * A blended ratio is only true when every file with spend also has its numerator: spend without revenue
 * would pull blended ROAS down with money that earned nothing in the data. Said, so the figure is read
 * for what it covers.
 */
function coverageNotes(datasets: readonly Dataset[]): string[] {
  const ads = datasets.filter((d) => !isSitePlatform(d.receipt.platform) && d.facts.measures.spend);
  const notes: string[] = [];
  for (const [measure, kpi] of [
    ["revenue", "ROAS"],
    ["conversions", "CPA"],
  ] as Array<[Measure, string]>) {
    const lacking = ads.filter((d) => !d.facts.measures[measure]).map((d) => d.receipt.file);
    if (lacking.length > 0 && lacking.length < ads.length) {
      notes.push(
        `${lacking.join(", ")} ${lacking.length === 1 ? "has" : "have"} spend but no ${measure}: blended ${kpi} counts that spend with no ${measure} against it, so read ${kpi} per file (by source file)`,
      );
    }
  }
  return notes;
}

/** Totals of files over different periods add up what each covers: said, so nobody reads one month into it. */
function periodNotes(sources: readonly SourceReceipt[]): string[] {
  const periods = new Set(
    sources.map((s) => (s.dateRange ? `${s.dateRange.from} to ${s.dateRange.to}` : "no dates")),
  );
  if (periods.size <= 1) return [];
  const each = sources.map(
    (s) => `${s.file}: ${s.dateRange ? `${s.dateRange.from} to ${s.dateRange.to}` : "no dates"}`,
  );
  return [
    `the files cover different periods (${each.join("; ")}): blended totals add up what each file covers`,
  ];
}

function blendReceipt(
  sources: readonly SourceReceipt[],
  facts: FactTable,
  currency: string | null,
  notes: readonly string[],
): ParseReceipt {
  const platforms = [...new Set(sources.map((s) => s.platform))];
  return {
    file: sources.map((s) => s.file).join(" + "),
    platform: platforms.length === 1 ? (platforms[0] as ParseReceipt["platform"]) : "generic",
    encoding: [...new Set(sources.map((s) => s.encoding))].join(", "),
    delimiter: "",
    rows: facts.rowCount,
    droppedRows: [],
    currency,
    dateRange: widest(sources) ?? dateRangeOf(facts),
    columns: {},
    warnings: [...notes, ...sources.flatMap((s) => s.warnings.map((w) => `${s.file}: ${w}`))],
  };
}

function widest(sources: readonly SourceReceipt[]): ParseReceipt["dateRange"] {
  const ranges = sources.flatMap((s) => s.dateRange ?? []);
  if (ranges.length === 0) return null;
  return {
    from: ranges.map((r) => r.from).sort()[0] as string,
    to: ranges
      .map((r) => r.to)
      .sort()
      .at(-1) as string,
  };
}
