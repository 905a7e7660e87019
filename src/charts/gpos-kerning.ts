/**
 * Pair kerning read straight from a font's GPOS `kern` lookups (PairPos formats 1 and 2).
 *
 * Why not fontkit's `font.layout()`: it runs the whole OpenType shaper and costs 0.3-1 ms per label,
 * while Vega measures every label several times per render. Chart labels need only glyph advances plus
 * pair kerning, which this answers in microseconds and memoises per glyph pair.
 */
import type { Font } from "fontkit";

export type PairKerning = (left: number, right: number) => number;

/** fontkit parses GPOS lazily into these shapes; @types/fontkit does not describe them. */
interface ListLike<T> {
  readonly length: number;
  get?(index: number): T;
  [index: number]: T;
}
interface Coverage {
  version: 1 | 2;
  glyphs?: ListLike<number>;
  rangeRecords?: ListLike<{ start: number; end: number; startCoverageIndex: number }>;
}
interface ClassDef {
  version: 1 | 2;
  startGlyph?: number;
  classValueArray?: ListLike<number>;
  classRangeRecord?: ListLike<{ start: number; end: number; class: number }>;
}
interface ValueRecord {
  xAdvance?: number;
}
interface PairPos {
  version: 1 | 2;
  coverage: Coverage;
  pairSets?: ListLike<ListLike<{ secondGlyph: number; value1: ValueRecord }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: ListLike<ListLike<{ value1: ValueRecord }>>;
}
interface Lookup {
  lookupType: number;
  subTables: ListLike<PairPos & { lookupType?: number; extension?: PairPos }>;
}
interface GposTable {
  featureList: ListLike<{ tag: string; feature: { lookupListIndexes: ListLike<number> } }>;
  lookupList: ListLike<Lookup>;
}

const PAIR_ADJUSTMENT = 2;
const EXTENSION = 9;

function at<T>(list: ListLike<T>, index: number): T | undefined {
  return list.get ? list.get(index) : list[index];
}

function toArray<T>(list: ListLike<T>): T[] {
  return Array.from({ length: list.length }, (_, index) => at(list, index) as T);
}

/** Dense glyph -> coverage index table (-1 when not covered), so a lookup costs one array read. */
function coverageTable(coverage: Coverage, glyphCount: number): Int32Array {
  const table = new Int32Array(glyphCount).fill(-1);
  if (coverage.version === 1) {
    toArray(coverage.glyphs ?? []).forEach((glyph, index) => {
      if (glyph < glyphCount) table[glyph] = index;
    });
  } else {
    for (const range of toArray(coverage.rangeRecords ?? [])) {
      for (let glyph = range.start; glyph <= range.end && glyph < glyphCount; glyph++) {
        table[glyph] = range.startCoverageIndex + glyph - range.start;
      }
    }
  }
  return table;
}

/** Dense glyph -> class table; glyphs a class definition does not list are class 0, as OpenType says. */
function classTable(classDef: ClassDef | undefined, glyphCount: number): Uint16Array {
  const table = new Uint16Array(glyphCount);
  if (!classDef) return table;
  if (classDef.version === 1) {
    const start = classDef.startGlyph ?? 0;
    toArray(classDef.classValueArray ?? []).forEach((value, index) => {
      if (start + index < glyphCount) table[start + index] = value;
    });
  } else {
    for (const range of toArray(classDef.classRangeRecord ?? [])) {
      table.fill(range.class, range.start, Math.min(range.end + 1, glyphCount));
    }
  }
  return table;
}

/** One PairPos subtable, answering the adjustment it gives a pair, or null when it does not apply. */
function pairSubtable(table: PairPos, glyphCount: number): (left: number, right: number) => number | null {
  const covered = coverageTable(table.coverage, glyphCount);
  if (table.version === 1) {
    const pairSets = new Map<number, Map<number, number>>();
    return (left, right) => {
      const index = covered[left] ?? -1;
      if (index < 0) return null;
      let pairs = pairSets.get(index);
      if (!pairs) {
        const records = table.pairSets ? at(table.pairSets, index) : undefined;
        pairs = new Map(toArray(records ?? []).map((pair) => [pair.secondGlyph, pair.value1.xAdvance ?? 0]));
        pairSets.set(index, pairs);
      }
      return pairs.get(right) ?? null;
    };
  }
  const firstClasses = classTable(table.classDef1, glyphCount);
  const secondClasses = classTable(table.classDef2, glyphCount);
  return (left, right) => {
    if ((covered[left] ?? -1) < 0) return null;
    const row = table.classRecords ? at(table.classRecords, firstClasses[left] ?? 0) : undefined;
    const cell = row ? at(row, secondClasses[right] ?? 0) : undefined;
    return cell?.value1.xAdvance ?? 0;
  };
}

function kernSubtables(font: Font): PairPos[][] {
  const gpos = (font as unknown as { GPOS?: GposTable }).GPOS;
  if (!gpos) return [];
  const indexes = new Set<number>();
  for (const record of toArray(gpos.featureList)) {
    if (record.tag === "kern")
      for (const index of toArray(record.feature.lookupListIndexes)) indexes.add(index);
  }
  // OpenType applies lookups in lookup-list order, whatever order the feature lists them in.
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => at(gpos.lookupList, index))
    .filter((lookup): lookup is Lookup => lookup !== undefined)
    .map((lookup) =>
      toArray(lookup.subTables).flatMap((table) => {
        if (lookup.lookupType === PAIR_ADJUSTMENT) return [table];
        const wrapped = lookup.lookupType === EXTENSION && table.lookupType === PAIR_ADJUSTMENT;
        return wrapped && table.extension ? [table.extension] : [];
      }),
    )
    .filter((subtables) => subtables.length > 0);
}

export function readPairKerning(font: Font): PairKerning {
  const lookups = kernSubtables(font).map((subtables) =>
    subtables.map((table) => pairSubtable(table, font.numGlyphs)),
  );
  const memo = new Map<number, number>();
  return (left, right) => {
    const key = left * 65536 + right;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let total = 0;
    for (const subtables of lookups) {
      for (const table of subtables) {
        const value = table(left, right);
        if (value !== null) {
          total += value;
          break;
        }
      }
    }
    memo.set(key, total);
    return total;
  };
}
