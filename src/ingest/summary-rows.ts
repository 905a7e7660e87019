/**
 * Rows a platform labels as totals: Google Ads' "Total: Campaigns" / "Total: Account" rows (in any column,
 * in the report's language), legacy AdWords' "Total - filtered" / "Total - Search", GA4's "Grand total".
 * Counting them as data would double every total. Labels are only evidence: total-rows.ts finds unlabelled
 * totals (Meta's summary row) by their arithmetic.
 */
const SUMMARY_LABEL =
  /^\s*(total|totals|grand total|totale|totaal|gesamt|gesamtsumme|gesamtergebnis|summe|total general|total geral|totales|total global)\s*(?::|[-–—]\s|$)/i;

/** The label when a cell marks a summary row ("Total: Campaigns"), else null. */
export function summaryLabel(text: string): string | null {
  return SUMMARY_LABEL.test(text) ? text.trim() : null;
}

/** Quick byte test before decoding a cell: summary labels start with T, G or S. */
export function mayBeSummaryLabel(firstByte: number | undefined): boolean {
  return (
    firstByte === 0x54 ||
    firstByte === 0x74 ||
    firstByte === 0x47 ||
    firstByte === 0x67 ||
    firstByte === 0x53 ||
    firstByte === 0x73
  );
}

const LOWER = 0x20;

/**
 * The same test on a trimmed value's first two letters ("to", "gr", "ge", "su" in any case), for text
 * columns that see every row's value: a search-term column full of "shoes ..." is not decoded row by row.
 */
export function mayStartSummaryLabel(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const first = (bytes[start] as number) | LOWER;
  const second = (bytes[start + 1] as number) | LOWER;
  if (first === 0x74) return second === 0x6f;
  if (first === 0x67) return second === 0x72 || second === 0x65;
  if (first === 0x73) return second === 0x75;
  return false;
}
