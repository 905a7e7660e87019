import type { Metric } from "../../metrics/index.js";

/**
 * The words marketers use for metrics, dimensions and platforms. Phrases are matched longest first, so
 * "cost per conversion" is CPA before "cost" can be spend and "conversion rate" is CVR before
 * "conversion" can be conversions.
 */

/** A metric, or "efficiency": ROAS when the data has revenue, CPA otherwise. */
export type MetricWord = Metric | "efficiency";

export const METRIC_PHRASES: ReadonlyArray<readonly [string, MetricWord]> = [
  ["return on ad spend", "roas"],
  ["return on spend", "roas"],
  ["roas", "roas"],
  ["roi", "roas"],
  ["cost per acquisition", "cpa"],
  ["cost per conversion", "cpa"],
  ["cost per purchase", "cpa"],
  ["cost per lead", "cpa"],
  ["cost per result", "cpa"],
  ["cost per order", "cpa"],
  ["cost per sale", "cpa"],
  ["cpa", "cpa"],
  ["cpl", "cpa"],
  ["cac", "cpa"],
  ["cost per click", "cpc"],
  ["cpc", "cpc"],
  ["cost per thousand", "cpm"],
  ["cost per mille", "cpm"],
  ["cpm", "cpm"],
  ["click through rate", "ctr"],
  ["clickthrough rate", "ctr"],
  ["ctr", "ctr"],
  ["conversion rate", "cvr"],
  ["conv rate", "cvr"],
  ["cvr", "cvr"],
  ["average order value", "aov"],
  ["order value", "aov"],
  ["basket size", "aov"],
  ["aov", "aov"],
  ["ad spend", "spend"],
  ["amount spent", "spend"],
  ["spend", "spend"],
  ["spent", "spend"],
  ["spending", "spend"],
  ["cost", "spend"],
  ["costs", "spend"],
  ["impressions", "impressions"],
  ["impression", "impressions"],
  ["impr", "impressions"],
  ["clicks", "clicks"],
  ["click", "clicks"],
  ["conversion value", "revenue"],
  ["conv value", "revenue"],
  ["purchase value", "revenue"],
  ["revenue", "revenue"],
  ["sales", "revenue"],
  ["income", "revenue"],
  ["turnover", "revenue"],
  ["conversions", "conversions"],
  ["conversion", "conversions"],
  ["conv", "conversions"],
  ["purchases", "conversions"],
  ["purchase", "conversions"],
  ["orders", "conversions"],
  ["order", "conversions"],
  ["leads", "conversions"],
  ["lead", "conversions"],
  ["results", "conversions"],
  ["signups", "conversions"],
  ["sign ups", "conversions"],
  ["acquisitions", "conversions"],
  ["efficiency", "efficiency"],
  ["efficient", "efficiency"],
  ["performance", "efficiency"],
  ["performing", "efficiency"],
  ["performer", "efficiency"],
  ["performers", "efficiency"],
  ["profitable", "efficiency"],
  ["profitability", "efficiency"],
];

/** Dimension words, singular and plural, to the canonical dimension they name. */
export const DIMENSION_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ["campaigns", "campaign"],
  ["campaign", "campaign"],
  ["ad sets", "ad_group"],
  ["ad set", "ad_group"],
  ["adsets", "ad_group"],
  ["adset", "ad_group"],
  ["ad groups", "ad_group"],
  ["ad group", "ad_group"],
  ["adgroups", "ad_group"],
  ["adgroup", "ad_group"],
  ["creatives", "ad"],
  ["creative", "ad"],
  ["ads", "ad"],
  ["ad", "ad"],
  ["channels", "channel"],
  ["channel", "channel"],
  ["platforms", "channel"],
  ["platform", "channel"],
  ["networks", "channel"],
  ["network", "channel"],
  ["sources", "channel"],
  ["source", "channel"],
  ["devices", "device"],
  ["device", "device"],
  ["countries", "country"],
  ["country", "country"],
  ["markets", "country"],
  ["market", "country"],
  ["geos", "country"],
  ["geo", "country"],
  ["search terms", "keyword"],
  ["search term", "keyword"],
  ["keywords", "keyword"],
  ["keyword", "keyword"],
];

/** Platform names people use, grouped; a group matches channel values that contain any of its words. */
export const PLATFORM_ALIASES: Readonly<Record<string, readonly string[]>> = {
  meta: ["meta", "facebook", "fb", "instagram", "ig"],
  google: ["google", "adwords", "youtube"],
  tiktok: ["tiktok", "tik tok"],
  linkedin: ["linkedin"],
  microsoft: ["microsoft", "bing"],
  amazon: ["amazon"],
  snapchat: ["snapchat", "snap"],
  pinterest: ["pinterest"],
  reddit: ["reddit"],
  // A bare "x" is too common a word ("2x ROAS") to name the platform.
  x: ["twitter", "x ads"],
};

/** Which alias group an export's platform belongs to, for "for Meta" asked of a Meta-only file. */
export const PLATFORM_GROUP_OF_EXPORT: Readonly<Record<string, string>> = {
  meta_ads: "meta",
  google_ads: "google",
  tiktok_ads: "tiktok",
  linkedin_ads: "linkedin",
  microsoft_ads: "microsoft",
  amazon_ads: "amazon",
  snapchat_ads: "snapchat",
  pinterest_ads: "pinterest",
  reddit_ads: "reddit",
  x_ads: "x",
};

export const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  meta: "Meta",
  google: "Google",
  tiktok: "TikTok",
  linkedin: "LinkedIn",
  microsoft: "Microsoft",
  amazon: "Amazon",
  snapchat: "Snapchat",
  pinterest: "Pinterest",
  reddit: "Reddit",
  x: "X",
};

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
};

/** Words that make a singular dimension word mean one answer: "which channel", "the best campaign". */
export const BEST_WORDS = ["best", "top", "strongest", "winning", "winners", "winner", "leading"];
export const WORST_WORDS = [
  "worst",
  "bottom",
  "weakest",
  "losing",
  "losers",
  "loser",
  "underperforming",
  "poorest",
  "poorly",
];
export const HIGH_WORDS = [
  "highest",
  "most",
  "biggest",
  "largest",
  "greatest",
  "max",
  "maximum",
  "most expensive",
];
export const LOW_WORDS = ["lowest", "least", "smallest", "fewest", "min", "minimum", "cheapest"];
