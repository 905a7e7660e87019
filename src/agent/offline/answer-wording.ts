import { formatChange, formatFigure } from "../../format/format-figures.js";
import { isMetric, METRIC_CATALOG, type Metric } from "../../metrics/index.js";
import type { Json, JsonObject } from "../tools/tool.js";

/** How the offline analyst words figures: the same formats people see everywhere in the app. */
export interface Wording {
  currency: string | null;
}

export function figure(wording: Wording, metric: Metric, value: Json | undefined): string {
  return formatFigure(metric, typeof value === "number" ? value : null, wording.currency);
}

/** A contribution or change with its sign: "+$8.50", "-1.20%". */
export function signedFigure(wording: Wording, metric: Metric, value: Json | undefined): string {
  const text = figure(wording, metric, value);
  return typeof value === "number" && value > 0 ? `+${text}` : text;
}

export function change(delta: Json | undefined): string {
  const { relative, absolute } = (delta ?? {}) as { relative?: number | null; absolute?: number | null };
  return formatChange(relative ?? null, absolute ?? null);
}

export function label(metric: Metric): string {
  return METRIC_CATALOG[metric].label;
}

/** A metric inside a sentence: acronyms as they are, words in lower case ("CPA", "spend"). */
export function metricWords(metric: Metric): string {
  const name = METRIC_CATALOG[metric].label;
  return name === name.toUpperCase() ? name : name.toLowerCase();
}

export function asMetric(value: Json | undefined): Metric {
  return typeof value === "string" && isMetric(value) ? value : "spend";
}

/** "ad_group" -> "ad group"; plural for list headings. */
export function dimensionWords(dimension: string, plural = false): string {
  const words = dimension.replace(/[_-]+/g, " ").trim().toLowerCase();
  if (!plural) return words;
  if (/[^aeiou]y$/.test(words)) return `${words.slice(0, -1)}ies`;
  return /(s|x|ch|sh)$/.test(words) ? `${words}es` : `${words}s`;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The period and any filters a result covers, as one italic line: every answer states them. */
export function scopeLine(scope: Json | undefined, notes: readonly string[] = []): string {
  const described = (scope ?? {}) as JsonObject;
  const parts: string[] = [];
  const period = described.period as JsonObject | undefined;
  if (period) parts.push(`Period: ${periodWords(period)}`);
  const current = described.current as JsonObject | undefined;
  const previous = described.previous as JsonObject | undefined;
  if (current && previous) {
    parts.push(`Current: ${periodWords(current)}`);
    parts.push(`Previous: ${periodWords({ ...previous, label: previous.basis ?? null })}`);
  }
  // "Filters: none" would only be noise under every answer; filters that applied are always said.
  if (Array.isArray(described.filters) && described.filters.length > 0)
    parts.push(`Filters: ${filterWords(described.filters)}`);
  const allNotes = [...notes, ...((described.notes as string[] | undefined) ?? [])];
  const line = `_${parts.join(" · ")}_`;
  return allNotes.length > 0 ? `${line}\n_Note: ${allNotes.join("; ")}._` : line;
}

function periodWords(period: JsonObject): string {
  const dates = period.from && period.to ? `${period.from} to ${period.to}` : null;
  const said = typeof period.label === "string" ? period.label : null;
  if (dates && said) return `${dates} (${said})`;
  return dates ?? said ?? "all rows";
}

function filterWords(filters: Json | undefined): string {
  if (!Array.isArray(filters) || filters.length === 0) return "none";
  return filters
    .map((filter) => {
      const { dimension, values } = filter as { dimension: string; values: string[] };
      return `${dimensionWords(dimension)} = ${values.join(", ")}`;
    })
    .join("; ");
}
