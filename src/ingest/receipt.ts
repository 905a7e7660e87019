import type { ExtraMeasureNote } from "./extra-measures.js";
import type { DateRange, FactTable, Measure } from "./fact-table.js";

export type Platform =
  | "google_ads"
  | "meta_ads"
  | "tiktok_ads"
  | "linkedin_ads"
  | "microsoft_ads"
  | "amazon_ads"
  | "snapchat_ads"
  | "pinterest_ads"
  | "reddit_ads"
  | "x_ads"
  | "ga4"
  | "shopify"
  | "generic"
  | "webhook";

export interface DroppedRow {
  /** 1-based physical line of the file where the row starts. */
  line: number;
  reason: string;
}

/** What the reader found and decided: the `source` object of `mpo analyze --json`. */
export interface ParseReceipt {
  file: string;
  platform: Platform;
  /** A text encoding such as "UTF-8", or "xlsx" for a workbook. */
  encoding: string;
  /** Empty for a workbook, whose cells need none. */
  delimiter: string;
  /** The worksheet read, for a workbook. */
  sheet?: string;
  rows: number;
  droppedRows: DroppedRow[];
  currency: string | null;
  dateRange: DateRange | null;
  /** Canonical name -> the header it was read from. */
  columns: Record<string, string>;
  /** Numeric columns kept besides the canonical measures; absent in receipts stored before they were listed. */
  extraMeasures?: ExtraMeasureNote[];
  warnings: string[];
}

/** An ingested file: its facts and how they were read. */
export interface Dataset {
  facts: FactTable;
  receipt: ParseReceipt;
  /** The data checked against the file's own totals row, when it has one. */
  totalsCheck: TotalsCheck | null;
}

export interface TotalsCheck {
  /** The file's own summary row the data was checked against. */
  label: string;
  line: number;
  measures: Measure[];
  matched: boolean;
  /** Measures whose sum differs beyond rounding, with both figures. */
  differences: Array<{ measure: Measure; rows: number; file: number }>;
  /**
   * The rows add up to more than the file's own total: the figures contradict the file (doubled rows,
   * totals kept as data), unlike rows that add up to less, which a filtered view explains.
   */
  contradicted: boolean;
}
