/** The fields of a RowLines, as they cross to another thread (without methods). */
export interface RowLinesData {
  /** Rows kept so far. */
  count: number;
  runs: number;
  /** Run k starts at row runRows[k], on line runLines[k]; its later rows are on the lines that follow. */
  runRows: Int32Array;
  runLines: Int32Array;
}

/**
 * The line of the file each kept row starts on, for the receipt ("line 1,204 was a total"). Kept as runs of
 * rows on consecutive lines: a file without dropped rows or line breaks inside cells is one run however long
 * it is, where a number per row would cost 20 MB for five million rows.
 */
export class RowLines implements RowLinesData {
  count = 0;
  runs = 0;
  runRows: Int32Array = new Int32Array(16);
  runLines: Int32Array = new Int32Array(16);
  /** The line a next row continuing the last run would be on. */
  private nextLine = Number.NaN;

  /** The next row starts on `line`. */
  push(line: number): void {
    if (line !== this.nextLine) this.startRun(this.count, line);
    this.count++;
    this.nextLine = line + 1;
  }

  lineOf(row: number): number {
    let low = 0;
    let high = this.runs - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.runRows[middle] as number) <= row) low = middle;
      else high = middle - 1;
    }
    return (this.runLines[low] as number) + row - (this.runRows[low] as number);
  }

  /** Appends the rows of a later piece of the file, whose lines count from the piece's start plus `lineShift`. */
  append(piece: RowLinesData, lineShift: number): void {
    const first = this.count;
    for (let k = 0; k < piece.runs; k++) {
      const row = first + (piece.runRows[k] as number);
      const line = (piece.runLines[k] as number) + lineShift;
      const continues = row === this.count && line === this.nextLine;
      if (!continues) this.startRun(row, line);
      const end = k + 1 < piece.runs ? (piece.runRows[k + 1] as number) : piece.count;
      this.count = first + end;
      this.nextLine = line + end - (piece.runRows[k] as number);
    }
    this.count = first + piece.count;
  }

  private startRun(row: number, line: number): void {
    if (this.runs === this.runRows.length) {
      this.runRows = grown(this.runRows);
      this.runLines = grown(this.runLines);
    }
    this.runRows[this.runs] = row;
    this.runLines[this.runs] = line;
    this.runs++;
  }
}

function grown(array: Int32Array): Int32Array {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
