import type { Metric } from "../src/metrics/index.js";
import type { FixtureName } from "./fixtures/index.js";
import type { Slice } from "./reference.js";

/** A figure the answer must state, computed by the reference from the fixture's records. */
export type ExpectedFigure =
  | ({ metric: Metric } & Slice)
  | { metric: Metric; change: { current: Slice; previous: Slice } };

/**
 * What a question mainly tests, so `npm run eval` can grade each kind separately. What the analyst does:
 * totals (one figure for the file or a named slice), breakdowns (a metric per value of one column),
 * rankings, comparisons (two periods or two slices), trends, anomalies, explanations (why a metric
 * moved), charts, recommendations, follow-ups (a question leaning on an earlier one), dataset (what the
 * file holds), forecasts, significance, weekdays, pacing and blends (several exports read as one). How it
 * is asked: typos, casual-phrasing (fragments and chat shorthand), synonyms (everyday words for metrics
 * and values), segments (device, gender, age or country), names (whole names, parts of names and
 * exclusions), ranges (dates and periods), cross-tabs (two columns at once), thresholds and direction
 * (going up or down). What it must decline: missing-data (the export lacks the column, dates or metric)
 * and out-of-scope (nothing the data can answer).
 */
export const EVAL_CATEGORIES = [
  "totals",
  "breakdowns",
  "rankings",
  "comparisons",
  "trends",
  "anomalies",
  "explanations",
  "charts",
  "recommendations",
  "follow-ups",
  "dataset",
  "forecasts",
  "significance",
  "weekdays",
  "pacing",
  "blends",
  "typos",
  "casual-phrasing",
  "synonyms",
  "segments",
  "names",
  "ranges",
  "cross-tabs",
  "thresholds",
  "direction",
  "missing-data",
  "out-of-scope",
] as const;

export type EvalCategory = (typeof EVAL_CATEGORIES)[number];

export interface EvalCase {
  id: string;
  fixture: FixtureName;
  /** The one thing the question mainly tests. */
  category: EvalCategory;
  question: string;
  /** Questions asked earlier in the same thread. */
  after?: string[];
  /** Tool calls that must be made; `args` must be contained in the call's arguments. */
  tools: Array<{ name: string; args?: Record<string, unknown> }>;
  figures?: ExpectedFigure[];
  /** "did CPA go up?": the answer opens with yes, no or about flat, as the change between the slices says. */
  verdict?: { metric: Metric; asked: "up" | "down"; current: Slice; previous: Slice };
  /** Text the answer must contain (names, dates, wording). */
  mentions?: string[];
  /** Text the answer must not contain. */
  absent?: string[];
  /** Charts the answer must carry. */
  charts?: number;
  /** The data cannot answer: a tool is expected to refuse, and the answer to say why. */
  refusal?: boolean;
  /** The question cannot be answered exactly: no tool is called and the answer declines, saying why. */
  declined?: boolean;
}
