/**
 * Gives a sheet's rows the shape a platform's CSV has: title and note lines above the table as short as
 * their text, and every row of the table as wide as its header. A sheet pads nothing and trims nothing on
 * its own: a merged title spans the table's width, and a row whose last cells are empty simply ends early,
 * which the reader would take for a header candidate or a ragged row.
 */
export function asExportRows(rows: string[][]): string[][] {
  const trimmed = rows.map(withoutTrailingBlanks);
  const common = commonWidth(trimmed);
  // The header: the first row that wide. Rows below whose last cells are blank are padded to its width.
  const start = trimmed.findIndex((row) => row.length >= common);
  const width = trimmed[start]?.length ?? 0;
  return trimmed.map((row, i) =>
    i < start || row.length === 0 || row.length >= width
      ? row
      : [...row, ...Array<string>(width - row.length).fill("")],
  );
}

function withoutTrailingBlanks(row: string[]): string[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] as string).trim() === "") end--;
  return end === row.length ? row : row.slice(0, end);
}

/** The width most rows with several cells share (the wider one on a tie): the table's, not a stray note's. */
function commonWidth(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    if (row.filter((cell) => cell.trim() !== "").length >= 2) {
      counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    }
  }
  let best = 0;
  let bestCount = 0;
  for (const [width, count] of counts) {
    if (count > bestCount || (count === bestCount && width > best)) {
      best = width;
      bestCount = count;
    }
  }
  return best;
}
