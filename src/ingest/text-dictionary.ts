import type { DimensionColumn } from "./fact-table.js";

/**
 * Distinct text values as bytes, not strings: one UTF-8 buffer and an offset per value (Arrow's layout for
 * a string array). Value k is bytes[offsets[k], offsets[k + 1]). A million distinct search terms are two
 * allocations instead of a million strings, and a value becomes a string only when it is shown.
 */
export interface TextDictionary {
  bytes: Uint8Array;
  /** One more than the number of values. */
  offsets: Int32Array;
}

const decoder = new TextDecoder();
/** Blank cells have negative codes; a value no row uses has no new code. */
const UNUSED = -1;

export const dictionarySize = (text: TextDictionary): number => text.offsets.length - 1;

export function decodeValue(text: TextDictionary, code: number): string {
  return decoder.decode(text.bytes.subarray(text.offsets[code], text.offsets[code + 1]));
}

export function decodeAll(text: TextDictionary): string[] {
  const values = new Array<string>(dictionarySize(text));
  for (let code = 0; code < values.length; code++) values[code] = decodeValue(text, code);
  return values;
}

/**
 * Renumbers `codes` in place to the values rows use, in order of first use, and returns the dictionary of
 * just those values. The common case (every value used, already in that order) keeps the same bytes.
 */
export function keepUsedValues(codes: Int32Array, text: TextDictionary): TextDictionary {
  const size = dictionarySize(text);
  const remap = new Int32Array(size).fill(UNUSED);
  let used = 0;
  let identity = true;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (code < 0 || remap[code] !== UNUSED) continue;
    if (code !== used) identity = false;
    remap[code] = used++;
  }
  if (identity) {
    const end = text.offsets[used] as number;
    return { bytes: text.bytes.subarray(0, end), offsets: text.offsets.subarray(0, used + 1) };
  }
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (code >= 0) codes[row] = remap[code] as number;
  }
  const order = new Int32Array(used);
  for (let code = 0; code < size; code++) {
    const next = remap[code] as number;
    if (next !== UNUSED) order[next] = code;
  }
  const offsets = new Int32Array(used + 1);
  for (let k = 0; k < used; k++) {
    const code = order[k] as number;
    offsets[k + 1] =
      (offsets[k] as number) + (text.offsets[code + 1] as number) - (text.offsets[code] as number);
  }
  const bytes = new Uint8Array(offsets[used] as number);
  for (let k = 0; k < used; k++) {
    const code = order[k] as number;
    bytes.set(text.bytes.subarray(text.offsets[code], text.offsets[code + 1]), offsets[k]);
  }
  return { bytes, offsets };
}

/**
 * A dimension read from a file. Its `values` are decoded the first time something asks for them, so a
 * column nobody groups by, filters or shows never becomes strings.
 */
export function textDimension(codes: Int32Array, text: TextDictionary): DimensionColumn {
  const column = { codes, text } as DimensionColumn;
  const settle = (values: string[]) => {
    Object.defineProperty(column, "values", {
      value: values,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return values;
  };
  Object.defineProperty(column, "values", {
    enumerable: true,
    configurable: true,
    get: () => settle(decodeAll(text)),
    set: (values: string[]) => {
      column.text = undefined;
      settle(values);
    },
  });
  return column;
}
