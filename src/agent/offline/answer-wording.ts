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

/**
 * The notes a result carries (and the writer's), as one italic line, or no line when there are none. Its
 * period and filters are said once, in the answer's reading line ("Read as: …"), not here.
 */
export function notesLine(scope: Json | undefined, notes: readonly string[] = []): string[] {
  const described = (scope ?? {}) as JsonObject;
  const allNotes = [...notes, ...((described.notes as string[] | undefined) ?? [])];
  return allNotes.length > 0 ? [`_Note: ${allNotes.join("; ")}._`] : [];
}

/** A period of a trend as a list item: "week of 2024-03-04", "March 2024", "2024-03-12". */
export function periodWords(grain: string, period: string): string {
  if (grain === "week") return `week of ${period}`;
  if (grain === "month") {
    const date = new Date(`${period}T00:00:00Z`);
    return date.toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
  }
  return period;
}

/** A period inside a sentence: "the week of 2024-03-04", "March 2024", "2024-03-12". */
export function namedPeriod(grain: string, period: string): string {
  return `${grain === "week" ? "the " : ""}${periodWords(grain, period)}`;
}
