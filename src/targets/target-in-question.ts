import { parseTarget, TargetSyntaxError } from "./parse-target.js";
import type { TargetSpec } from "./target.js";

const AMOUNT = String.raw`[$€£]?\s*\d[\d,.]*(?:\s*[km]\b)?`;
const PERIOD = "monthly|weekly|daily|(?:a|per) (?:month|week|day)";
/** "$20k monthly budget", "budget of $20,000 a month", "20000 per month budget". */
const BUDGET_IN_QUESTION = new RegExp(
  String.raw`(${AMOUNT})\s*(${PERIOD})\s*budget|budget\s*(?:of|is|at)?\s*(${AMOUNT})\s*(${PERIOD})`,
  "i",
);
/** "CPA target of 40", "target CPA $40", "ROAS target 3x". */
const KPI_IN_QUESTION = new RegExp(
  String.raw`\b(cpa|roas|cpc|ctr|cvr)\s*(?:target|goal)\s*(?:of|is|at)?\s*(${AMOUNT}\s*(?:x|%)?)|\b(?:target|goal)\s*(cpa|roas|cpc|ctr|cvr)\s*(?:of|is|at)?\s*(${AMOUNT}\s*(?:x|%)?)`,
  "i",
);

/** The target a question names ("our $20k monthly budget", "CPA target of 40"), or null. */
export function targetInQuestion(question: string): TargetSpec | null {
  const budget = BUDGET_IN_QUESTION.exec(question);
  const kpi = KPI_IN_QUESTION.exec(question);
  try {
    if (budget) return parseTarget(`budget ${budget[1] ?? budget[3]} ${budget[2] ?? budget[4]}`);
    if (kpi) return parseTarget(`${kpi[1] ?? kpi[3]} ${(kpi[2] ?? kpi[4] ?? "").trim()}`);
  } catch (error) {
    if (!(error instanceof TargetSyntaxError)) throw error;
  }
  return null;
}
