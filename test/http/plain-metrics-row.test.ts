import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainMetricsRow } from "../../src/http/ingest/plain-metrics-row.js";
import { checkRecord } from "../../src/http/ingest/webhook-payload.js";
import { METRICS_ROW } from "./http-harness.js";

/** Values near every edge the schema draws: blanks around text, lengths, number forms, dates. */
const edgy = fc.oneof(
  fc.constantFrom(
    null,
    true,
    "",
    "  ",
    " Brand ",
    "metrics",
    "lead",
    "usd",
    " eur ",
    "US",
    "U$D",
    "12.5",
    " 7 ",
    "1e3",
    "-1",
    "12,50",
    "2025-05-01",
    " 2025-05-01 ",
    "2025-02-30",
    "2025-05-01T10:00:00Z",
    "2025-05-01 10:00:00+02:00",
    "May 1",
    0,
    -0,
    -1,
    1.5,
    1e308,
    12,
  ),
  fc
    .constantFrom(199, 200, 201, 299, 300, 301)
    .chain((length) => fc.constantFrom("x".repeat(length), ` ${"y".repeat(length - 1)} `)),
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
);

/** Mostly what the field is meant to hold, sometimes any edgy value. */
const field = (usual: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: edgy });

const amountLike = fc.oneof(
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  fc.nat(),
  fc.nat().map((n) => ` ${n / 100} `),
  fc.constant(null),
);

const record = fc.record(
  {
    kind: field(fc.constant("metrics")),
    id: field(fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null))),
    date: field(fc.constantFrom("2025-05-01", "2024-02-29", " 2025-12-31T23:59:59Z ", "2025-05-01 08:00")),
    campaign: field(fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null))),
    channel: field(fc.constantFrom("meta", " google ", "", null)),
    spend: field(amountLike),
    impressions: field(amountLike),
    clicks: field(amountLike),
    conversions: field(amountLike),
    revenue: field(amountLike),
    currency: field(fc.constantFrom("USD", "brl", " Eur ", null)),
    country: field(fc.string({ maxLength: 4 })),
  },
  { requiredKeys: [] },
);

/** An empty `dimensions` changes nothing in what the schema reads, but only the schema reads it. */
const bySchema = (value: object) => ({ ...value, dimensions: {} });

describe("plain metrics rows", () => {
  it("are read exactly as the schema reads them, and only where the schema accepts them", () => {
    let taken = 0;
    fc.assert(
      fc.property(record, (value) => {
        expect(plainMetricsRow(bySchema(value))).toBeUndefined();
        const plain = plainMetricsRow(value);
        if (plain === undefined) return;
        taken += 1;
        expect(checkRecord(bySchema(value))).toStrictEqual({ ok: true, record: plain });
        expect(checkRecord(value)).toStrictEqual({ ok: true, record: plain });
      }),
      { numRuns: 5000 },
    );
    // The property means little unless plenty of generated rows took the plain way.
    expect(taken).toBeGreaterThan(100);
  });

  it("take the everyday row, with numbers sent as text, and leave the rest to the schema", () => {
    expect(plainMetricsRow(METRICS_ROW)).toMatchObject({
      kind: "metrics",
      externalId: "row-1",
      spend: 120.5,
    });
    expect(plainMetricsRow({ ...METRICS_ROW, spend: "12.50", currency: "brl" })).toMatchObject({
      spend: 12.5,
      currency: "BRL",
    });
    expect(plainMetricsRow({ ...METRICS_ROW, country: "BR" })).toBeUndefined();
    expect(plainMetricsRow({ ...METRICS_ROW, id: 42 })).toBeUndefined();
    expect(plainMetricsRow({ ...METRICS_ROW, date: undefined })).toBeUndefined();
    expect(checkRecord({ ...METRICS_ROW, spend: "lots" })).toEqual({
      ok: false,
      errors: [
        'spend: expected a number ≥ 0 such as 12.5 (no currency sign or thousands separator), got "lots"',
      ],
    });
  });
});
