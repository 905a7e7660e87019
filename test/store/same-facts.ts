import { expect } from "vitest";
import type { FactTable } from "../../src/ingest/index.js";

function bytes(array: Float64Array | Int32Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Byte for byte: NaN (absent) stays NaN, -0 stays -0, codes and days exactly as built. */
export function expectSameFacts(actual: FactTable, expected: FactTable): void {
  expect(actual.rowCount).toBe(expected.rowCount);
  expect(actual.days === null).toBe(expected.days === null);
  if (actual.days && expected.days) expect(bytes(actual.days).equals(bytes(expected.days))).toBe(true);
  expect(Object.keys(actual.measures).sort()).toEqual(Object.keys(expected.measures).sort());
  for (const [name, values] of Object.entries(expected.measures)) {
    const stored = actual.measures[name as keyof typeof actual.measures] as Float64Array;
    expect(stored).toBeInstanceOf(Float64Array);
    // A 32-bit column (counts) is stored as 64-bit floats of the very same values.
    expect(bytes(stored).equals(bytes(Float64Array.from(values)))).toBe(true);
  }
  expect(Object.keys(actual.extraMeasures).sort()).toEqual(Object.keys(expected.extraMeasures).sort());
  for (const [name, values] of Object.entries(expected.extraMeasures)) {
    expect(bytes(actual.extraMeasures[name] as Float64Array).equals(bytes(Float64Array.from(values)))).toBe(
      true,
    );
  }
  expect(Object.keys(actual.dimensions).sort()).toEqual(Object.keys(expected.dimensions).sort());
  for (const [name, column] of Object.entries(expected.dimensions)) {
    const stored = actual.dimensions[name];
    expect(stored?.values).toEqual(column.values);
    expect(stored?.codes).toBeInstanceOf(Int32Array);
    expect(bytes(stored?.codes as Int32Array).equals(bytes(column.codes))).toBe(true);
  }
  expect(Object.keys(actual.identifiers ?? {}).sort()).toEqual(
    Object.keys(expected.identifiers ?? {}).sort(),
  );
  for (const [name, column] of Object.entries(expected.identifiers ?? {})) {
    const stored = actual.identifiers?.[name];
    expect(stored?.codes).toBeInstanceOf(Int32Array);
    expect(
      bytes(stored?.codes as Int32Array).equals(bytes(column.codes.subarray(0, expected.rowCount))),
    ).toBe(true);
    // The values' bytes, whatever buffer they were a view into when saved.
    const start = column.text.offsets[0] as number;
    const end = column.text.offsets[column.text.offsets.length - 1] as number;
    expect(
      bytes(stored?.text.bytes as Uint8Array).equals(bytes(column.text.bytes.subarray(start, end))),
    ).toBe(true);
    const offsets = column.text.offsets.map((at) => at - start);
    expect(bytes(stored?.text.offsets as Int32Array).equals(bytes(offsets))).toBe(true);
  }
}
