import { type ColumnPlan, planColumns } from "./column-plan.js";
import { type ColumnStorage, PRIVATE_STORAGE } from "./column-storage.js";
import { ColumnarScanner } from "./columnar-scanner.js";
import { parseDateText } from "./date-text.js";
import { ENCODING_LABELS } from "./encoding.js";
import { type ExportInput, type OpenedExport, openExport } from "./export-source.js";
import { describeExtraMeasures, isKnownExtraMeasure } from "./extra-measures.js";
import { FactBuilder } from "./fact-builder.js";
import { dateRangeOf } from "./fact-table.js";
import { finishFacts, isoYear } from "./finish-facts.js";
import { keepSessionsPerRow } from "./ga4-scope.js";
import { localeHints } from "./header-language.js";
import { IngestError } from "./ingest-error.js";
import { lifetimeColumns, lifetimeRange } from "./lifetime-window.js";
import { parseNumberText } from "./number-text.js";
import { preambleDateRange } from "./preamble.js";
import type { Dataset, ParseReceipt, TotalsCheck } from "./receipt.js";
import { reconcileTotals } from "./reconcile-totals.js";
import { type Layout, sniffLayout } from "./sniff-layout.js";

const SNIFF_BYTES = 128 * 1024;

export interface ReadOptions {
  /** Distinct values a text column keeps for grouping before it is kept as an identifier column. */
  groupingCap?: number;
  /** Called after each piece of the file is read, with the bytes read so far and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** How loadExport splits a large file over two threads (parallel-read.ts). */
  parallel?: {
    /** Files from this size are read in two pieces at once. */
    fromBytes?: number;
    /** Reads the second piece on the calling thread after the first: the same split and merge, for tests. */
    inThread?: boolean;
  };
}

/**
 * Reads an ad-platform export as downloaded (any of the encodings, delimiters, preambles, summary rows and
 * number formats platforms produce) into canonical facts plus a receipt of every decision made. Throws
 * IngestError, with a one-line explanation, for anything that is not a readable table; nothing is ever
 * half-read silently.
 */
export function readExport(input: ExportInput, options: ReadOptions = {}): Dataset {
  const read = startRead(input, options);
  for (const chunk of read.text) {
    read.scanner.push(chunk);
    options.onProgress?.(read.opened.bytesRead(), read.opened.sizeBytes);
  }
  read.scanner.end();
  return completeRead(read);
}

/** A read begun: layout sniffed, columns planned, the scanner waiting for the file's text. */
export interface ReadStart {
  opened: OpenedExport;
  layout: Layout;
  plan: ColumnPlan;
  builder: FactBuilder;
  scanner: ColumnarScanner;
  /** The file's text as UTF-8 in order, the sniffed head first. */
  text: Generator<Uint8Array>;
  lifetime: ReturnType<typeof lifetimeColumns>;
  sessionScope: string | null;
}

/** `storage` says where the columns live once the file is open (shared when it may be read in pieces). */
export function startRead(
  input: ExportInput,
  options: ReadOptions,
  storage: (opened: OpenedExport) => ColumnStorage = () => PRIVATE_STORAGE,
): ReadStart {
  const opened = openExport(input);
  const chunks = opened.utf8Chunks();
  const { pending, head, whole } = readHead(chunks);
  if (head.every((byte) => byte <= 0x20)) {
    throw new IngestError(
      "the file has no text (only blank lines): export the report again; a usable file has a header row and at least one data row",
    );
  }
  const layout = sniffLayout(head, whole);
  refuseHeaderlessData(layout);

  const plan = planColumns(
    layout.header,
    layout.sample.map((row) => row.fields),
    layout.preamble,
  );
  // Both may change the plan (a lifetime window's dates become text), so they come before the columns.
  const lifetime = lifetimeColumns(plan, layout);
  const sessionScope = keepSessionsPerRow(plan);
  const builder = new FactBuilder(
    plan,
    layout.headerLine,
    estimateRows(opened.sizeBytes, layout),
    options.groupingCap,
    storage(opened),
  );
  const scanner = new ColumnarScanner(layout.delimiter.charCodeAt(0), builder, layout.headerLine);
  const text = (function* () {
    yield* pending;
    yield* chunks;
  })();
  return {
    opened,
    layout,
    plan,
    builder,
    scanner,
    text,
    lifetime,
    sessionScope,
  };
}

/** Settles and checks what the scanner read (every byte of the file has been pushed and ended). */
export function completeRead(read: ReadStart): Dataset {
  const { opened, layout, plan, builder, lifetime, sessionScope } = read;
  if (builder.rowCount === 0) {
    const what = builder.droppedCount > 0 ? "only summary or note rows" : "no data rows";
    throw new IngestError(
      `the file has a header on line ${layout.headerLine} (${previewHeader(layout.header)}) but ${what} below it: a usable file has at least one row of data under the header`,
    );
  }
  const preambleRange = preambleDateRange(layout.preamble);
  const finished = finishFacts(plan, builder, {
    ...localeHints(layout.header),
    reportYear: isoYear(preambleRange?.from),
  });
  const { warnings } = finished;
  if (sessionScope) warnings.push(sessionScope);
  for (const total of finished.totals) builder.drop(total.line, total.reason);
  refuseWithoutMarketingMeasures(finished.facts, layout);
  if (builder.droppedCount > builder.dropped.length) {
    warnings.push(`${builder.droppedCount - builder.dropped.length} more dropped rows are not listed`);
  }

  const { facts, totalsCheck } = reconcileTotals(finished, plan, builder);
  if (totalsCheck && !totalsCheck.matched) warnings.unshift(describeMismatch(totalsCheck));
  const dateRange =
    dateRangeOf(facts) ?? (lifetime ? lifetimeRange(facts, lifetime, warnings) : null) ?? preambleRange;

  const receipt: ParseReceipt = {
    file: opened.name,
    platform: plan.platform,
    encoding: ENCODING_LABELS[opened.encoding.encoding],
    delimiter: layout.delimiter,
    rows: facts.rowCount,
    droppedRows: [...builder.dropped].sort((a, b) => a.line - b.line),
    currency: finished.currency,
    dateRange,
    columns: receiptColumns(plan, facts),
    extraMeasures: describeExtraMeasures(Object.keys(facts.extraMeasures), (name) => plan.mapping[name]),
    warnings,
  };
  return { facts, receipt, totalsCheck };
}

/** The first chunks, enough to sniff the layout from; they are replayed into the scanner afterwards. */
function readHead(chunks: Generator<Uint8Array>): { pending: Buffer[]; head: Buffer; whole: boolean } {
  const pending: Buffer[] = [];
  let length = 0;
  let whole = false;
  while (length < SNIFF_BYTES) {
    const next = chunks.next();
    if (next.done) {
      whole = true;
      break;
    }
    pending.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.length));
    length += next.value.length;
  }
  const joined = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
  return { pending, head: joined.subarray(0, SNIFF_BYTES), whole: whole && joined.length <= SNIFF_BYTES };
}

/**
 * A table of recipes or of stock levels is a table, but nothing this product can analyse: reading it as a
 * "generic" export would rank recipes by spend. Any canonical measure, or a platform measure we know by
 * name (results, reach, landing-page views), makes the file one.
 */
function refuseWithoutMarketingMeasures(facts: Dataset["facts"], layout: Layout): void {
  if (Object.keys(facts.measures).length > 0) return;
  if (Object.keys(facts.extraMeasures).some(isKnownExtraMeasure)) return;
  throw new IngestError(
    `no measure found: the columns are ${previewHeader(layout.header)}; a usable file is an ad-platform or analytics export with columns such as spend (cost), impressions, clicks, conversions or revenue, or GA4's sessions and key events`,
  );
}

function refuseHeaderlessData(layout: Layout): void {
  const looksLikeValues = layout.header.filter((cell) => {
    const text = cell.trim();
    return parseNumberText(text).kind === "number" || parseDateText(text).kind !== "invalid";
  });
  if (looksLikeValues.length * 2 > layout.header.length) {
    throw new IngestError(
      `no header row: line ${layout.headerLine} holds values (${previewHeader(layout.header)}), not column names; add a first row naming the columns, such as "Date,Campaign,Spend,Clicks"`,
    );
  }
}

function receiptColumns(plan: ColumnPlan, facts: Dataset["facts"]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [canonical, header] of Object.entries(plan.mapping)) {
    // A known extra measure whose column turned out to hold text was not kept as a measure.
    const unread = isKnownExtraMeasure(canonical) && !facts.extraMeasures[canonical];
    if (canonical !== "roas" && !unread) columns[canonical] = header;
  }
  if (facts.measures.revenue && !columns.revenue && plan.mapping.roas && plan.mapping.spend) {
    columns.revenue = `${plan.mapping.roas} x ${plan.mapping.spend}`;
  }
  return columns;
}

function describeMismatch(check: TotalsCheck): string {
  if (check.contradicted) return describeContradiction(check);
  const differences = check.differences
    .map(
      (difference) =>
        `${difference.measure} ${round(difference.rows)} in the rows vs ${round(difference.file)}`,
    )
    .join("; ");
  return `the rows do not add up to the file's own "${check.label}" row (line ${check.line}): ${differences}; checked ${check.measures.join(", ")} (rows may be missing, filtered or duplicated)`;
}

/** Said first and plainly: every figure of the analysis is larger than the file says it should be. */
function describeContradiction(check: TotalsCheck): string {
  const ratios = check.differences.map((difference) => difference.rows / difference.file);
  const multiple = Math.round(ratios[0] ?? 0);
  const sameMultiple =
    multiple >= 2 && ratios.every((ratio) => Number.isFinite(ratio) && Math.abs(ratio - multiple) < 0.01);
  const howMuch = sameMultiple ? (multiple === 2 ? "twice" : `${multiple} times`) : "more than";
  const differences = check.differences
    .map(
      (difference) =>
        `${difference.measure} ${round(difference.rows)} in the rows vs ${round(difference.file)}`,
    )
    .join("; ");
  return `the figures do not match the file: its rows add up to ${howMuch} its own "${check.label}" row (line ${check.line}): ${differences}. The file may hold some rows twice or total rows without a label; check the export before relying on these figures`;
}

const round = (value: number) => Number(value.toFixed(6)).toString();

function previewHeader(header: string[]): string {
  const names = header.slice(0, 6).map((name) => `"${name.trim().slice(0, 30)}"`);
  return header.length > 6 ? `${names.join(", ")} and ${header.length - 6} more` : names.join(", ");
}

/** Rows expected from the file size and the sample's bytes per row, so columns rarely need to grow. */
function estimateRows(sizeBytes: number, layout: Layout): number {
  const sampleBytes = layout.sample.reduce(
    (sum, row) => sum + row.fields.reduce((width, field) => width + Buffer.byteLength(field) + 1, 0),
    0,
  );
  const bytesPerRow = Math.max(sampleBytes / Math.max(layout.sample.length, 1), 4);
  return Math.ceil((sizeBytes / bytesPerRow) * 1.05) + 16;
}
