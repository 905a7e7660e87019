import { FIELD_ESCAPED } from "./csv-syntax.js";
import { type DimensionColumn, NO_VALUE } from "./fact-table.js";
import { summaryLabel } from "./summary-rows.js";

const LF = 0x0a;
const CR = 0x0d;
/** "-", "--" and " --" are how platforms print an empty value, and "[]" an empty list. */
const EMPTY_MARKER = /^(-+|\[\])$/;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Beyond this many distinct values (free text, URLs) the byte cache stops growing; the Map still works. */
const CACHE_LIMIT = 50_000;

/**
 * A text column (a dimension), dictionary-encoded as it is read. Repeated values, the common case
 * (a campaign name on every row), are recognised from their bytes through a small hash table, so a cell
 * becomes a string only the first time its value is seen, and what we need to know about a value (is it
 * a "Total:" label?) is worked out once per distinct value rather than once per row.
 */
export class TextColumn {
  private codes: Int32Array;
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  /** Per code: 1 when the value marks a summary row. */
  private summary: number[] = [];
  private slots = new Int32Array(1024).fill(-1);
  private readonly entryStart: number[] = [];
  private readonly entryLength: number[] = [];
  private readonly entryCode: number[] = [];
  private pool = Buffer.alloc(16 * 1024);
  private poolUsed = 0;

  constructor(capacity: number) {
    this.codes = new Int32Array(Math.max(capacity, 16)).fill(NO_VALUE);
  }

  /** Code of the value found by the last `scan`. */
  scanned = NO_VALUE;

  /**
   * Reads an unquoted cell starting at `i` up to the next delimiter or line end, leaving its code in
   * `scanned`; returns where the cell ends, or -1 when it runs into the end of a buffer that is not the last.
   */
  scan(bytes: Buffer, i: number, delimiter: number, final: boolean): number {
    const start = i;
    const length = bytes.length;
    let hash = FNV_OFFSET;
    while (i < length) {
      const byte = bytes[i] as number;
      if (byte === delimiter || byte === LF || byte === CR) break;
      hash = Math.imul(hash ^ byte, FNV_PRIME);
      i++;
    }
    if (i >= length && !final) return -1;
    this.scanned = i === start ? NO_VALUE : this.codeForBytes(bytes, start, i, hash);
    return i;
  }

  /** The code of a cell's value (NO_VALUE when blank), adding the value to the dictionary when new. */
  lookup(bytes: Buffer, start: number, end: number, flag: number): number {
    if (start === end) return NO_VALUE;
    if (flag === FIELD_ESCAPED)
      return this.lookupText(bytes.toString("utf8", start, end).replaceAll('""', '"'));
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), FNV_PRIME);
    return this.codeForBytes(bytes, start, end, hash);
  }

  lookupText(text: string): number {
    const value = text.trim();
    return value === "" || EMPTY_MARKER.test(value) ? NO_VALUE : this.codeOf(value);
  }

  /** Finds raw cell bytes in the cache; on a miss, reads the value once and remembers its code. */
  private codeForBytes(bytes: Buffer, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    const length = end - start;
    while (true) {
      const entry = this.slots[slot] as number;
      if (entry < 0) break;
      if (this.entryLength[entry] === length && this.sameBytes(entry, bytes, start, length)) {
        return this.entryCode[entry] as number;
      }
      slot = (slot + 1) & mask;
    }
    const code = this.lookupText(bytes.toString("utf8", start, end));
    if (this.entryCode.length < CACHE_LIMIT) this.remember(slot, bytes, start, length, code);
    return code;
  }

  setCode(row: number, code: number): void {
    if (row >= this.codes.length) {
      const codes = new Int32Array(Math.max(row + 1, this.codes.length * 2)).fill(NO_VALUE);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.codes[row] = code;
  }

  isSummary(code: number): boolean {
    return code !== NO_VALUE && this.summary[code] === 1;
  }

  value(code: number): string {
    return this.values[code] as string;
  }

  /** The finished column, its dictionary reduced to the values rows use (summary labels are not among them). */
  column(rowCount: number): DimensionColumn {
    const remap = new Int32Array(this.values.length).fill(NO_VALUE);
    const values: string[] = [];
    const codes = this.codes.length === rowCount ? this.codes : this.codes.slice(0, rowCount);
    for (let row = 0; row < rowCount; row++) {
      const code = codes[row] as number;
      if (code === NO_VALUE) continue;
      let used = remap[code] as number;
      if (used === NO_VALUE) {
        used = values.length;
        values.push(this.values[code] as string);
        remap[code] = used;
      }
      codes[row] = used;
    }
    return { codes, values };
  }

  private codeOf(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
      this.summary.push(summaryLabel(value) ? 1 : 0);
    }
    return code;
  }

  private sameBytes(entry: number, bytes: Buffer, start: number, length: number): boolean {
    const at = this.entryStart[entry] as number;
    for (let i = 0; i < length; i++) if (this.pool[at + i] !== bytes[start + i]) return false;
    return true;
  }

  private remember(slot: number, bytes: Buffer, start: number, length: number, code: number): void {
    if (this.poolUsed + length > this.pool.length) {
      const pool = Buffer.alloc(Math.max(this.pool.length * 2, this.poolUsed + length));
      this.pool.copy(pool, 0, 0, this.poolUsed);
      this.pool = pool;
    }
    bytes.copy(this.pool, this.poolUsed, start, start + length);
    const entry = this.entryCode.length;
    this.entryStart.push(this.poolUsed);
    this.entryLength.push(length);
    this.entryCode.push(code);
    this.poolUsed += length;
    this.slots[slot] = entry;
    if (this.entryCode.length * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.entryCode.length; entry++) {
      const at = this.entryStart[entry] as number;
      const end = at + (this.entryLength[entry] as number);
      let hash = FNV_OFFSET;
      for (let i = at; i < end; i++) hash = Math.imul(hash ^ (this.pool[i] as number), FNV_PRIME);
      let slot = hash & mask;
      while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}
