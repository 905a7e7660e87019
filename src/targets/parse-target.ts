import type { BudgetPeriod, TargetMetric, TargetSpec } from "./target.js";

export class TargetSyntaxError extends Error {
  override readonly name = "TargetSyntaxError";
}

export const TARGET_FORMS = [
  "budget 20000 monthly",
  "budget 500 daily for campaign Brand",
  "cpa 40 for campaign Prospecting",
  "roas 3",
  "ctr 1.5%",
];

const METRICS: Record<string, TargetMetric> = {
  budget: "budget",
  spend: "budget",
  cpa: "cpa",
  "cost per acquisition": "cpa",
  roas: "roas",
  cpc: "cpc",
  ctr: "ctr",
  cvr: "cvr",
  "conversion rate": "cvr",
};

const PERIODS: Record<string, BudgetPeriod> = {
  daily: "daily",
  "a day": "daily",
  "per day": "daily",
  day: "daily",
  weekly: "weekly",
  "a week": "weekly",
  "per week": "weekly",
  week: "weekly",
  monthly: "monthly",
  "a month": "monthly",
  "per month": "monthly",
  month: "monthly",
};

/**
 * "budget 20000 monthly", "cpa 40 for campaign X", "roas 3x", "ctr 1.5%": the metric, the figure
 * ("$20k", "20,000"), a period (budgets only, and required for them) and "for <dimension> <value>".
 */
export function parseTarget(text: string): TargetSpec {
  const match =
    /^\s*(budget|spend|cpa|cost per acquisition|roas|cpc|ctr|cvr|conversion rate)\s+(?:of\s+|at\s+|=\s*)?([$€£]?\s*[\d.,]+(?:\s*[km]\b)?)\s*(x|%)?\s*(.*)$/i.exec(
      text,
    );
  if (!match) {
    throw new TargetSyntaxError(
      `I could not read "${text.trim()}" as a target: start with the metric and the figure, e.g. ${TARGET_FORMS.slice(0, 2).join(" or ")}`,
    );
  }
  const metric = METRICS[(match[1] as string).toLowerCase()] as TargetMetric;
  let value = readAmount(match[2] as string);
  if (match[3] === "%" || ((metric === "ctr" || metric === "cvr") && value >= 1)) value /= 100;
  let rest = (match[4] as string).trim();
  let period: BudgetPeriod | null = null;
  const periodMatch = /^(daily|weekly|monthly|(?:a|per)\s+(?:day|week|month)|day|week|month)\b\s*/i.exec(
    rest,
  );
  if (periodMatch) {
    period = PERIODS[(periodMatch[1] as string).toLowerCase().replace(/\s+/g, " ")] ?? null;
    rest = rest.slice(periodMatch[0].length).trim();
  }
  const scopeMatch =
    /^for\s+(?:the\s+)?(campaign|ad set|ad group|ad|channel|platform|country|device)\s+(.+)$/i.exec(rest);
  if (rest !== "" && !scopeMatch) {
    throw new TargetSyntaxError(
      `I read the target up to "${rest}": a target can end with a period (monthly, weekly, daily) and "for campaign <name>"`,
    );
  }
  if (metric === "budget" && period === null) {
    throw new TargetSyntaxError(
      "a budget needs its period: add monthly, weekly or daily (e.g. `budget 20000 monthly`)",
    );
  }
  if (metric !== "budget" && period !== null) {
    throw new TargetSyntaxError(
      `a ${metric.toUpperCase()} target has no period: it is checked for the month so far`,
    );
  }
  if (!(value > 0)) throw new TargetSyntaxError("a target must be more than zero");
  const scope = scopeMatch
    ? {
        dimension: dimensionOf(scopeMatch[1] as string),
        value: stripQuotes((scopeMatch[2] as string).trim()),
      }
    : null;
  return { metric, value, period, scope };
}

function readAmount(text: string): number {
  const compact = text.replace(/[$€£\s]/g, "").toLowerCase();
  const multiplier = compact.endsWith("k") ? 1_000 : compact.endsWith("m") ? 1_000_000 : 1;
  const digits = compact.replace(/[km]$/, "");
  // "20,000" and "20,000.50" use the comma for thousands; a lone comma with two digits is a decimal comma.
  const normal = /^\d+,\d{1,2}$/.test(digits) ? digits.replace(",", ".") : digits.replaceAll(",", "");
  const value = Number(normal);
  if (!Number.isFinite(value)) throw new TargetSyntaxError(`"${text.trim()}" is not a number`);
  return value * multiplier;
}

function dimensionOf(word: string): string {
  const lower = word.toLowerCase();
  return lower === "ad set" || lower === "ad group" ? "ad_group" : lower;
}

const stripQuotes = (text: string) => text.replace(/^["“']|["”']$/g, "");
