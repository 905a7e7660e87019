import { formatCount } from "../../format/format-figures.js";
import { literalMarkdown } from "../../format/slack-markdown.js";
import type { Json, JsonObject } from "../tools/tool.js";
import { capitalized, dimensionWords, notesLine } from "./answer-wording.js";

const MAX_ROWS_LISTED = 10;
const NOT_MEASURES = new Set(["key", "file_rows"]);

/**
 * The file's other measures (landing-page views, reach...): one bold line of totals, or a bullet per
 * dimension value, largest first. A measure that could not be added up says why instead of a figure.
 */
export function writeOtherMeasures(result: JsonObject, notes: readonly string[]): string {
  const rows = result.rows as JsonObject[] | undefined;
  const totals = (result.totals ?? {}) as JsonObject;
  const names = Object.keys(rows?.[0] ?? totals).filter((name) => !NOT_MEASURES.has(name));
  const notSummed = Object.entries((result.not_summed ?? {}) as JsonObject).map(
    ([name, reason]) => `${spoken(name)} ${String(reason)}`,
  );
  const cells = (row: JsonObject) =>
    names.length === 1
      ? count(row[names[0] as string])
      : names.map((name) => `${spoken(name)} ${count(row[name])}`).join(" · ");
  const lines: string[] = [];
  if (rows) {
    const dimension = String(result.group_by ?? "value");
    lines.push(`**${names.map(spoken).join(", ")} by ${dimensionWords(dimension)}** (largest first)`);
    lines.push(
      ...rows.slice(0, MAX_ROWS_LISTED).map((row) => `- ${literalMarkdown(String(row.key))}: ${cells(row)}`),
    );
    const total = Number(result.rows_total ?? rows.length);
    if (total > MAX_ROWS_LISTED) {
      lines.push(`…and ${total - MAX_ROWS_LISTED} more ${dimensionWords(dimension, true)}`);
    }
  } else {
    lines.push(`**${names.map((name) => `${spoken(name)}: ${count(totals[name])}`).join(" · ")}**`);
  }
  return [...lines, ...notesLine(result.scope, [...notes, ...notSummed])].join("\n");
}

/** "landing_page_views" -> "Landing page views"; a header name is kept as written. */
export function spoken(name: string): string {
  return capitalized(name.replace(/_/g, " "));
}

function count(value: Json | undefined): string {
  return typeof value === "number" ? formatCount(value) : "n/a";
}
