/** Numbers written the way ad platforms write them in their exports. */

/** `1234.5` → `"1,234.50"`, Google's money and counts with thousands separators. */
export function grouped(value: number, decimals: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** `0.0281` → `"2.81%"`. */
export function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/** Plain decimals, as Meta and GA4 write them. */
export function plain(value: number, decimals: number): string {
  return Number(value.toFixed(decimals)).toString();
}

/** Quotes a cell when it holds the delimiter, a quote or a newline (RFC 4180). */
export function cell(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes("\n")
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}
