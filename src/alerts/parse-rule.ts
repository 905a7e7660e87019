import { isMetric, isRate, METRICS, type Metric } from "../metrics/index.js";
import type { AlertRule, Comparison } from "./alert-rule.js";

/**
 * Alert rules as people type them after `/alert add`. The same text, written back by `ruleDefinition`, is
 * what the store keeps, so a stored rule is always one this parser reads.
 */
export class RuleSyntaxError extends Error {
  override readonly name = "RuleSyntaxError";
}

export const RULE_FORMS = [
  "`roas < 2 window 24h` (any metric: spend, revenue, clicks, ctr, cpc, cpm, cvr, cpa, roas, aov...)",
  "`cpa > 60 for channel meta` (only the rows of one channel, campaign, country...)",
  "`spend today > 1.3 x daily average` (today against the previous 7 days)",
  "`anomaly cpa` (a day the anomaly detector finds unusual)",
  "add `by campaign` for one alert per campaign, `min spend 100` to ignore small ones, `window 7d` for a longer window",
];

const DEFAULT_BASELINE_DAYS = 7;
const MAX_WINDOW_DAYS = 90;
const KEYWORDS = new Set(["window", "over", "for", "by", "min", "minimum"]);
const COMPARISONS: Record<string, Comparison> = {
  "<": "<",
  "<=": "<=",
  "≤": "<=",
  ">": ">",
  ">=": ">=",
  "≥": ">=",
};
const ALIASES: Record<string, Metric> = { cost: "spend", conv: "conversions", sales: "revenue" };
const TOKENS = /"[^"]*"|'[^']*'|“[^”]*”|<=|>=|[<>≤≥]|[^\s<>≤≥]+/g;

export function parseRule(input: string): AlertRule {
  // Slack escapes &, < and > in slash command text.
  const text = input.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").trim();
  const tokens = text.match(TOKENS) ?? [];
  if (tokens.length === 0) throw new RuleSyntaxError("the rule is empty");
  const reader = new TokenReader(tokens);

  let rule: AlertRule;
  if (reader.peekWord() === "anomaly") {
    reader.next();
    rule = { kind: "anomaly", metric: readMetric(reader), windowDays: 1 };
  } else {
    const metric = readMetric(reader);
    if (reader.peekWord() === "today") {
      reader.next();
      const comparison = readComparison(reader, metric);
      const factor = readFactor(reader);
      rule = {
        kind: "daily-average",
        metric,
        comparison,
        factor,
        baselineDays: DEFAULT_BASELINE_DAYS,
        windowDays: 1,
      };
    } else {
      const comparison = readComparison(reader, metric);
      rule = {
        kind: "threshold",
        metric,
        comparison,
        threshold: readAmount(reader.next(), metric),
        windowDays: 1,
      };
    }
  }
  readClauses(reader, rule);
  return rule;
}

class TokenReader {
  private index = 0;
  constructor(private readonly tokens: readonly string[]) {}

  done(): boolean {
    return this.index >= this.tokens.length;
  }

  peekWord(): string | undefined {
    return this.tokens[this.index]?.toLowerCase();
  }

  next(): string | undefined {
    const token = this.tokens[this.index];
    if (token !== undefined) this.index += 1;
    return token;
  }

  /** Tokens up to the next clause keyword, for multi-word values ("for campaign Summer Sale"). */
  untilKeyword(): string[] {
    const taken: string[] = [];
    while (!this.done() && !KEYWORDS.has(this.peekWord() as string)) taken.push(this.next() as string);
    return taken;
  }
}

function readMetric(reader: TokenReader): Metric {
  const word = reader.next()?.toLowerCase();
  const metric = word === undefined ? undefined : (ALIASES[word] ?? word);
  if (metric === undefined || !isMetric(metric)) {
    throw new RuleSyntaxError(
      `${word === undefined ? "a metric is missing" : `"${word}" is not a metric`}: use one of ${METRICS.join(", ")}`,
    );
  }
  return metric;
}

function readComparison(reader: TokenReader, metric: Metric): Comparison {
  const token = reader.next();
  const comparison = token === undefined ? undefined : COMPARISONS[token];
  if (!comparison) {
    throw new RuleSyntaxError(
      `expected <, <=, > or >= after ${metric}${token === undefined ? "" : `, found "${token}"`}`,
    );
  }
  return comparison;
}

/** "1.3 x daily average", "1.3x daily average", "1.3 × the daily average". */
function readFactor(reader: TokenReader): number {
  const first = reader.next() ?? "";
  const glued = /^(\d+(?:\.\d+)?)[x×]$/i.exec(first);
  let factor = glued ? Number(glued[1]) : Number.NaN;
  if (!glued && /^\d+(\.\d+)?$/.test(first) && /^[x×]$/i.test(reader.peekWord() ?? "")) {
    factor = Number(first);
    reader.next();
  }
  if (reader.peekWord() === "the") reader.next();
  const daily = reader.next()?.toLowerCase();
  const average = reader.next()?.toLowerCase();
  if (!(factor > 0) || daily !== "daily" || !(average === "average" || average === "avg")) {
    throw new RuleSyntaxError('a "today" rule reads like `spend today > 1.3 x daily average`');
  }
  return factor;
}

/** A threshold as people write it: "60", "$60", "2x" for ROAS, "1.5%" for rates. */
function readAmount(token: string | undefined, metric: Metric): number {
  if (token === undefined)
    throw new RuleSyntaxError(`a threshold is missing after the comparison, e.g. ${metric} < 2`);
  const match = /^(?:[$€£¥]|R\$)?(\d+(?:\.\d+)?)(%|x)?$/i.exec(token.replace(/,/g, ""));
  if (!match) throw new RuleSyntaxError(`"${token}" is not a number: write the threshold as 60, 2.5 or 1.5%`);
  const number = Number(match[1]);
  const unit = match[2]?.toLowerCase();
  if (isRate(metric)) {
    if (unit === "%") return number / 100;
    if (number > 1)
      throw new RuleSyntaxError(`${metric} is a percentage: write it with %, e.g. ${metric} < ${number}%`);
    return number;
  }
  if (unit === "%") throw new RuleSyntaxError(`${metric} is not a percentage: write the threshold without %`);
  return number;
}

function readClauses(reader: TokenReader, rule: AlertRule): void {
  while (!reader.done()) {
    const keyword = reader.next()?.toLowerCase();
    switch (keyword) {
      case "window":
      case "over":
        rule.windowDays = readDuration(reader, rule);
        break;
      case "for":
        rule.scope = readScope(reader);
        break;
      case "by":
        rule.by = readDimension(reader, "by");
        break;
      case "min":
      case "minimum":
        rule.minSpend = readMinSpend(reader);
        break;
      default:
        throw new RuleSyntaxError(
          `did not understand "${keyword}": after the condition come only window, for, by and min spend`,
        );
    }
  }
}

function readDuration(reader: TokenReader, rule: AlertRule): number {
  if (rule.kind === "daily-average") {
    throw new RuleSyntaxError("a daily-average rule always looks at today; leave out the window");
  }
  let token = reader.next()?.toLowerCase() ?? "";
  // "7 days" as two words reads like "7days".
  if (/^\d+$/.test(token) && /^(h|hours?|d|days?)$/.test(reader.peekWord() ?? ""))
    token += reader.next()?.toLowerCase();
  const match = /^(\d+)(h|hours?|d|days?)$/.exec(token);
  let days = token === "today" ? 1 : Number.NaN;
  if (match?.[2]?.startsWith("h")) {
    if (Number(match[1]) % 24 !== 0) {
      throw new RuleSyntaxError("live rows are dated by day, so a window is whole days: 24h, 48h, 1d, 7d");
    }
    days = Number(match[1]) / 24;
  } else if (match) {
    days = Number(match[1]);
  }
  if (!(Number.isInteger(days) && days >= 1 && days <= MAX_WINDOW_DAYS)) {
    throw new RuleSyntaxError(
      `expected a window such as 24h, 1d or 7d (up to ${MAX_WINDOW_DAYS} days), found "${token}"`,
    );
  }
  return days;
}

function readScope(reader: TokenReader): { dimension: string; value: string } {
  const dimension = readDimension(reader, "for");
  const value = unquote(reader.untilKeyword().join(" "));
  if (value === "") throw new RuleSyntaxError(`"for ${dimension}" needs a value, e.g. for ${dimension} meta`);
  return { dimension, value };
}

function readDimension(reader: TokenReader, keyword: string): string {
  const dimension = reader.next()?.toLowerCase();
  if (dimension === undefined || !/^[a-z_][a-z0-9_]*$/.test(dimension)) {
    throw new RuleSyntaxError(`"${keyword}" needs a dimension such as campaign or channel`);
  }
  return dimension;
}

function readMinSpend(reader: TokenReader): number {
  if (reader.peekWord() !== "spend")
    throw new RuleSyntaxError("expected `min spend <amount>`, e.g. min spend 100");
  reader.next();
  return readAmount(reader.next(), "spend");
}

function unquote(text: string): string {
  const match = /^["'“](.*)["'”]$/.exec(text.trim());
  return (match?.[1] ?? text).trim();
}
