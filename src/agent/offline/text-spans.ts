/**
 * Small helpers for reading a question piece by piece: each piece found is blanked out (same length, so
 * offsets hold) and cannot be read twice, e.g. the "March" of a campaign named "March Promo" is not also
 * a month.
 */

export interface Found<T> {
  value: T;
  index: number;
  text: string;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole-word pattern for a phrase: any run of spaces, dashes or underscores matches one space. */
export function wordPattern(phrase: string, caseSensitive = false): RegExp {
  const body = phrase
    .trim()
    .split(/[\s_-]+/)
    .map(escapeRegExp)
    .join("[\\s_-]+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, caseSensitive ? "gu" : "giu");
}

export function blankOut(text: string, index: number, length: number): string {
  return text.slice(0, index) + " ".repeat(length) + text.slice(index + length);
}

/**
 * Finds phrases longest first, blanking each as it is found; returns what was found in text order and
 * the text left.
 */
export function takePhrases<T>(
  text: string,
  phrases: ReadonlyArray<readonly [string, T]>,
): { found: Array<Found<T>>; rest: string } {
  let rest = text;
  const found: Array<Found<T>> = [];
  const ordered = [...phrases].sort((a, b) => b[0].length - a[0].length);
  for (const [phrase, value] of ordered) {
    for (const match of rest.matchAll(wordPattern(phrase))) {
      found.push({ value, index: match.index ?? 0, text: match[0] });
    }
    rest = rest.replace(wordPattern(phrase), (span) => " ".repeat(span.length));
  }
  found.sort((a, b) => a.index - b.index);
  return { found, rest };
}
