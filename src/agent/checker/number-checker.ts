import type { Json } from "../tools/tool.js";
import { type Figure, scanFigures } from "./figure-scanner.js";

export interface CheckedFigure extends Figure {
  verified: boolean;
}

export interface NumberCheck {
  figures: CheckedFigure[];
  /** Figures as written that no tool result of the turn supports, each once. */
  unverified: string[];
}

export interface Evidence {
  /**
   * Every tool result of the turn. Never the model's own tool arguments: a figure it chose to ask with
   * (`min_spend: 100`) is not a figure any tool computed.
   */
  results: readonly Json[];
  /** Figures the person wrote themselves may be repeated without a tool producing them. */
  question?: string;
  /** Labels whose digits are not figures ("Summer Sale 2024", "Lookalike 1%"): the data's dimension values. */
  names?: readonly string[];
}

/**
 * Checks every figure of an answer against the numbers the turn's tools returned, allowing for how people
 * write them: rounding to the digits shown, fractions as percentages (0.0123 as 1.23%, a change of 0.021
 * as 2.1 pp), a lost sign ("down 4%"), k/M/B and thousands separators, currency symbols.
 */
export function checkNumbers(answer: string, evidence: Evidence): NumberCheck {
  const numbers: number[] = [];
  const names: string[] = [...(evidence.names ?? [])];
  for (const result of evidence.results) collect(result, numbers, names);
  const quoted = evidence.question ? scanFigures(evidence.question) : [];
  const figures = scanFigures(answer, names).map((figure) => ({
    ...figure,
    verified: isQuoted(figure, quoted) || numbers.some((number) => supports(number, figure)),
  }));
  const unverified = [...new Set(figures.filter((figure) => !figure.verified).map((figure) => figure.text))];
  return { figures, unverified };
}

function supports(number: number, figure: Figure): boolean {
  const target = Math.abs(figure.value);
  const slack = figure.tolerance + 1e-9 * Math.max(1, target);
  const near = (candidate: number) => Math.abs(Math.abs(candidate) - target) <= slack;
  switch (figure.kind) {
    case "percent":
    case "points":
      // Tools return rates and changes as fractions, and never percentages.
      return near(number * 100);
    default:
      return near(number);
  }
}

function isQuoted(figure: Figure, quoted: readonly Figure[]): boolean {
  return quoted.some(
    (item) => Math.abs(item.value - figure.value) <= Math.max(item.tolerance, figure.tolerance) + 1e-9,
  );
}

function collect(value: Json, numbers: number[], names: string[]): void {
  if (typeof value === "number") numbers.push(value);
  else if (typeof value === "string") names.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, numbers, names);
  else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) collect(item, numbers, names);
  }
}
