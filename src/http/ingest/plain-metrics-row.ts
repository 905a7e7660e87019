import type { LiveMetricRow } from "../../store/index.js";
import { amountOf, dayOf } from "./record-fields.js";

const CURRENCY = /^[A-Za-z]{3}$/;

/**
 * A metrics row of only the usual fields, each in a form the schema accepts, read without the schema: most
 * deliveries are such rows, and this reads one for a fraction of the schema's time and garbage. It only
 * ever accepts. For anything else (extra fields, dimensions, numeric ids, a value the schema would refuse)
 * it answers undefined, and the schema decides and words the errors. What it accepts it reads as the schema
 * does: test/http/plain-metrics-row.test.ts holds the two side by side on generated records.
 */
export function plainMetricsRow(record: object): LiveMetricRow | undefined {
  const row: LiveMetricRow = {
    kind: "metrics",
    externalId: undefined,
    date: "",
    campaign: undefined,
    channel: undefined,
    spend: undefined,
    impressions: undefined,
    clicks: undefined,
    conversions: undefined,
    revenue: undefined,
    currency: undefined,
    dimensions: {},
    extraMeasures: {},
  };
  const fields = record as Record<string, unknown>;
  for (const name in fields) {
    const value = fields[name];
    switch (name) {
      case "kind":
        if (value !== "metrics") return undefined;
        break;
      case "id":
        row.externalId = idOf(value);
        if (row.externalId === undefined) return undefined;
        break;
      case "date":
        row.date = dayOf(value) ?? "";
        if (row.date === "") return undefined;
        break;
      case "campaign":
      case "channel":
        row[name] = labelOf(value);
        if (row[name] === undefined) return undefined;
        break;
      case "spend":
      case "impressions":
      case "clicks":
      case "conversions":
      case "revenue":
        row[name] = amountOf(value);
        if (Number.isNaN(row[name])) return undefined;
        break;
      case "currency":
        row.currency = currencyOf(value);
        if (row.currency === undefined) return undefined;
        break;
      default:
        return undefined;
    }
  }
  return row.date === "" ? undefined : row;
}

function labelOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text.length > 300) return undefined;
  return text === "" ? null : text;
}

function idOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text.length >= 1 && text.length <= 200 ? text : undefined;
}

function currencyOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value !== "string") return undefined;
  const code = value.trim();
  return CURRENCY.test(code) ? code.toUpperCase() : undefined;
}
