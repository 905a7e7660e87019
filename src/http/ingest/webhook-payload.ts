import { type ZodError, z } from "zod";
import type { LiveEventRow, LiveMetricRow, LiveRecord } from "../../store/index.js";
import {
  amount,
  currency,
  day,
  describeValue,
  email,
  externalId,
  label,
  timestamp,
} from "./record-fields.js";

/**
 * The webhook's payload: one record, a list of records, or `{ "source": "...", "records": [...] }`. A
 * record is a `metrics` row (the default kind) or a `lead` / `order` event.
 */
export const MAX_RECORDS = 5000;
const MAX_EXTRA_FIELDS = 50;
/** Keys of one record's `dimensions`: each is a column every later answer reads. */
export const MAX_DIMENSION_KEYS = 20;
const DEFAULT_SOURCE = "webhook";

/** Any other field of a metrics row: text becomes a dimension (country...), a number an extra measure. */
const extraField = z.union([z.string().max(300), z.number(), z.null()], {
  error: (issue) =>
    `an extra field must be text (up to 300 characters) or a number, got ${describeValue(issue.input)}`,
});

const MetricsRecord = z
  .object({
    kind: z.literal("metrics").optional(),
    id: externalId,
    date: day,
    campaign: label,
    channel: label,
    spend: amount,
    impressions: amount,
    clicks: amount,
    conversions: amount,
    revenue: amount,
    currency,
    dimensions: z
      .record(z.string().max(64), z.string().max(300), {
        error: 'expected an object of text values, such as {"country": "BR"}',
      })
      .optional(),
  })
  .catchall(extraField)
  .transform((record, ctx): LiveMetricRow => {
    const {
      kind,
      id,
      date,
      campaign,
      channel,
      spend,
      impressions,
      clicks,
      conversions,
      revenue,
      currency,
      dimensions,
      ...rest
    } = record;
    const extraDimensions: Record<string, string> = { ...dimensions };
    const extraMeasures: Record<string, number> = {};
    const names = Object.keys(rest);
    if (names.length > MAX_EXTRA_FIELDS) {
      ctx.addIssue({
        code: "custom",
        message: `expected at most ${MAX_EXTRA_FIELDS} extra fields, got ${names.length}`,
      });
    }
    for (const [name, value] of Object.entries(rest)) {
      if (typeof value === "string" && value.trim() !== "") extraDimensions[name] = value.trim();
      else if (typeof value === "number") extraMeasures[name] = value;
    }
    return {
      kind: "metrics",
      externalId: id,
      date,
      campaign,
      channel,
      spend,
      impressions,
      clicks,
      conversions,
      revenue,
      currency,
      dimensions: extraDimensions,
      extraMeasures,
    };
  });

const EventRecord = z
  .object({
    kind: z.enum(["lead", "order"]),
    id: externalId,
    timestamp,
    campaign: label,
    channel: label,
    value: amount,
    currency,
    email,
  })
  .transform(
    (event): LiveEventRow => ({
      kind: event.kind,
      externalId: event.id,
      occurredAt: event.timestamp ?? new Date().toISOString(),
      campaign: event.campaign,
      channel: event.channel,
      value: event.value,
      currency: event.currency,
      email: event.email,
    }),
  );

export type RecordCheck = { ok: true; record: LiveRecord } | { ok: false; errors: string[] };

/** Checks one record; every problem is reported, each naming its field. */
export function checkRecord(value: unknown): RecordCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, errors: [`record: expected an object, got ${describeValue(value)}`] };
  }
  const kind = (value as { kind?: unknown }).kind ?? "metrics";
  const schema =
    kind === "metrics" ? MetricsRecord : kind === "lead" || kind === "order" ? EventRecord : null;
  if (!schema) {
    return {
      ok: false,
      errors: [`kind: expected "metrics" (the default), "lead" or "order", got ${describeValue(kind)}`],
    };
  }
  const dimensions = (value as { dimensions?: unknown }).dimensions;
  const keys = dimensions && typeof dimensions === "object" ? Object.keys(dimensions).length : 0;
  if (keys > MAX_DIMENSION_KEYS) {
    // Refused before the schema reads them: 20,000 keys in 0.2 MB would be read one by one for nothing.
    return {
      ok: false,
      errors: [
        `dimensions: expected at most ${MAX_DIMENSION_KEYS} keys, got ${keys}; keep the ones you break results down by`,
      ],
    };
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, errors: messagesOf(parsed.error) };
}

function messagesOf(error: ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`);
}

export type Envelope =
  | { ok: true; source: string; records: unknown[] }
  | { ok: false; status: 413 | 422; message: string };

/** The records of a payload and who sent them, before any record is checked. */
export function openEnvelope(body: unknown): Envelope {
  if (Array.isArray(body)) return withinLimit(DEFAULT_SOURCE, body);
  if (typeof body !== "object" || body === null) {
    return {
      ok: false,
      status: 422,
      message: `expected a JSON object (a record, or {"source", "records": [...]}), got ${describeValue(body)}`,
    };
  }
  if (!("records" in body)) return { ok: true, source: DEFAULT_SOURCE, records: [body] };
  const { source, records } = body as { source?: unknown; records: unknown };
  if (source !== undefined && (typeof source !== "string" || !/^\S.{0,99}$/.test(source))) {
    return {
      ok: false,
      status: 422,
      message: `source: expected a name of 1 to 100 characters such as "n8n", got ${describeValue(source)}`,
    };
  }
  if (!Array.isArray(records)) {
    return {
      ok: false,
      status: 422,
      message: `records: expected a list of records, got ${describeValue(records)}`,
    };
  }
  return withinLimit(source?.trim() || DEFAULT_SOURCE, records);
}

function withinLimit(source: string, records: unknown[]): Envelope {
  if (records.length === 0)
    return { ok: false, status: 422, message: "records: the list is empty; send at least one record" };
  if (records.length > MAX_RECORDS) {
    return {
      ok: false,
      status: 413,
      message: `records: ${records.length} records is more than ${MAX_RECORDS.toLocaleString("en-US")} per request; split the batch`,
    };
  }
  return { ok: true, source, records };
}
