import type { Dataset } from "../../ingest/index.js";
import { wordPattern } from "./text-spans.js";
import {
  DIMENSION_PHRASES,
  PLATFORM_ALIASES,
  PLATFORM_GROUP_OF_EXPORT,
  PLATFORM_NAMES,
} from "./vocabulary.js";

/**
 * Questions the tools cannot answer from one export, whatever the wording: said plainly instead of
 * answering the nearest question they can ("forecast next month" is not last month).
 */
const OUT_OF_REACH: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b(?:forecast\w*|predict\w*|project(?:ed|ion|ions)?|will (?:we|it|spend|roas|cpa)|next (?:week|month|quarter|year))\b/i,
    "a forecast of that: forecasts cover spend, conversions, revenue, clicks and impressions to the end of the month, next month or the next N days (ratios such as ROAS are not forecast); ask e.g. “forecast next month's spend”",
  ],
  [
    /\b(?:weekends?|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b/i,
    "one weekday or the weekend alone: the tools split by day of the week, but do not filter by it; ask which day of the week performs best",
  ],
  [
    /\b(?:hour|hours|hourly|time of day)\b/i,
    "an hourly split: ask “which hour of the day performs best?” of an export with an hour-of-day column",
  ],
  [
    /(?:\bshare of|\bwhat share\b|(?:%|\bpercent(?:age)?|\bproportion|\bfraction) of (?:the |our |total |all )*(?:spend|budget|cost|clicks|impressions|conversions|revenue|sales))/i,
    "a share of the total: ask for the breakdown instead, e.g. “spend by campaign”, which lists each value with the overall total",
  ],
  [
    /\b(?:(?:search |display )?(?:impression|impr\.?|click|top|abs(?:olute)? top)\s+share|lost is|is lost)\b/i,
    "an impression or click share, which is the platform's own estimate and no sum of rows: the tools do not compute it; ask e.g. “impressions by campaign”",
  ],
  [
    /\b(?:(?:daily|monthly|lifetime|total)\s+)?budgets?\s+(?:by|per|for each|of each|set)\b|\b(?:what(?:'s|s| is| are)|show|list)\s+(?:the |our |my )?(?:daily |monthly |lifetime )?budgets?\b/i,
    "the budgets set, and an export holds what was spent, not the budget: ask e.g. “spend by campaign”",
  ],
  [
    /\b(?:significan\w*|confidence|p ?value|a\/?b test|statistically)\b/i,
    "a significance test of two named groups: ask e.g. “is the CVR difference between male and female significant?”",
  ],
];

/** Why the question is out of reach of this file, or null. */
export function outOfReach(question: string, dataset: Dataset): string | null {
  for (const [pattern, reason] of OUT_OF_REACH) if (pattern.test(question)) return reason;
  return (
    costPerOther(question, dataset) ??
    partAgainstTheRest(question) ??
    blendedAcrossPlatforms(question, dataset)
  );
}

/** The costs per unit the tools compute, by the words after "per"; "per day" is a split by day. */
const COSTED_UNITS =
  /^(?:clicks?|link clicks?|conversions?|convs?|purchases?|leads?|sales?|orders?|results?|acquisitions?|thousand|mille|1000|1k|impressions?|m|day|days|week|weeks|month|months)$/;
const COST_PER = /\b(?:cost|price)\s+per\s+([\p{L}\p{N}]+(?:\s+[\p{L}]+)?)/iu;

/**
 * "cost per message", "cost per install": a cost per unit other than a click, a thousand impressions or
 * a conversion is no metric of the tools, so it is said rather than read as spend filtered by "message".
 */
function costPerOther(question: string, dataset: Dataset): string | null {
  const unit = COST_PER.exec(question)?.[1]?.toLowerCase();
  const first = unit?.split(/\s+/)[0] ?? "";
  if (!unit || COSTED_UNITS.test(unit) || COSTED_UNITS.test(first)) return null;
  // "cost per channel" is a split by channel.
  const columns = [...DIMENSION_PHRASES.map(([phrase]) => phrase), ...Object.keys(dataset.facts.dimensions)];
  if (columns.some((name) => unit.startsWith(name.toLowerCase()))) return null;
  return `a cost per ${unit.split(/\s+/)[0]}, and the tools compute cost per click (CPC), per thousand impressions (CPM) and per conversion (CPA) only: ask for one of those`;
}

/** "blended ROAS across google and meta" of a file that holds one platform cannot be blended. */
function blendedAcrossPlatforms(question: string, dataset: Dataset): string | null {
  const named = Object.entries(PLATFORM_ALIASES)
    .filter(([, aliases]) => aliases.some((alias) => wordPattern(alias).test(question)))
    .map(([group]) => group);
  if (named.length < 2) return null;
  // A blend of several exports names its platforms in its own `platform` dimension.
  const { channel, platform } = dataset.facts.dimensions;
  const channels = [...(channel?.values ?? []), ...(platform?.values ?? [])];
  const held = named.filter((group) =>
    channels.some((value) => (PLATFORM_ALIASES[group] ?? []).some((alias) => wordPattern(alias).test(value))),
  );
  if (held.length === named.length) return null;
  const own = PLATFORM_GROUP_OF_EXPORT[dataset.receipt.platform];
  const missing = named.filter((group) => !held.includes(group) && group !== own);
  const names = (missing.length > 0 ? missing : named).map((group) => PLATFORM_NAMES[group] ?? group);
  return `figures across platforms: this file has no ${names.join(" or ")} rows to combine with; upload that export too`;
}

/** "brand vs non-brand": names holding a word against all the others, two slices no one tool sets side by side. */
const PART_AND_REST =
  /\b([\p{L}\p{N}]+)\b(?:\s+\p{L}+){0,3}?\s+(?:vs\.?|versus|compared (?:to|with)|against|and|or)\s+non[\s-]+\1\b/iu;

function partAgainstTheRest(question: string): string | null {
  const part = PART_AND_REST.exec(question)?.[1];
  if (!part) return null;
  return `“${part}” against “non-${part}” side by side: ask for each on its own, e.g. “CPA for ${part}” and “CPA for non-${part}”`;
}
