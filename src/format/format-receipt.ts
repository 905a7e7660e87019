import type { ParseReceipt, Platform, TotalsCheck } from "../ingest/index.js";
import { formatCount } from "./format-figures.js";

export const PLATFORM_LABELS: Record<Platform, string> = {
  google_ads: "Google Ads",
  meta_ads: "Meta Ads",
  tiktok_ads: "TikTok Ads",
  linkedin_ads: "LinkedIn Ads",
  microsoft_ads: "Microsoft Ads",
  amazon_ads: "Amazon Ads",
  snapchat_ads: "Snapchat Ads",
  pinterest_ads: "Pinterest Ads",
  reddit_ads: "Reddit Ads",
  x_ads: "X Ads",
  ga4: "GA4",
  shopify: "Shopify",
  generic: "generic CSV",
  webhook: "live webhook data",
};

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/**
 * "Google Ads, UTF-16LE, tab-separated, 230 rows, 9 summary/note rows dropped", or for a workbook
 * "Meta Ads, xlsx, sheet "Campaigns", 230 rows".
 */
export function describeReading(receipt: ParseReceipt): string {
  const dropped =
    receipt.droppedRows.length > 0 ? `, ${receipt.droppedRows.length} summary/note rows dropped` : "";
  const layout =
    receipt.sheet !== undefined
      ? `sheet ${JSON.stringify(receipt.sheet)}`
      : `${DELIMITER_NAMES[receipt.delimiter] ?? JSON.stringify(receipt.delimiter)}-separated`;
  return `${PLATFORM_LABELS[receipt.platform]}, ${receipt.encoding}, ${layout}, ${formatCount(receipt.rows)} rows${dropped}`;
}

/** "2025-09-01 to 2025-09-30", or plainly that neither the rows nor the title lines give a date. */
export function describePeriod(range: { from: string; to: string } | null): string {
  return range ? `${range.from} to ${range.to}` : "no dates in the file";
}

/**
 * The warning that leads every surface when the rows add up to more than the file's own total: the figures
 * are then not the file's figures, whatever else the analysis says.
 */
export function describeContradiction(check: TotalsCheck | null, warnings: string[]): string | null {
  if (!check?.contradicted) return null;
  return warnings.find((warning) => warning.startsWith("the figures do not match the file")) ?? null;
}

/** The free checksum in words, when the file carried its own totals row and the rows add up to it. */
export function describeCheck(check: TotalsCheck | null): string | null {
  return check?.matched
    ? `the rows add up to the file's own "${check.label}" row (${check.measures.join(", ")})`
    : null;
}
