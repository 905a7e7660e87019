import { headerKey } from "./header-names.js";
import type { Platform } from "./receipt.js";

/**
 * Which platform wrote a file, from the headers only that platform uses (and the preamble lines some of
 * them print). The mapping of columns does not depend on this; it names the source in receipts and lets
 * platform quirks (GA4's week numbers, Meta's lifetime rows) apply only where they belong.
 */
const SIGNATURES: Array<{ platform: Platform; headers: string[]; preamble?: RegExp }> = [
  {
    platform: "meta_ads",
    headers: [
      "amount spent",
      "reporting starts",
      "reporting ends",
      "ad set name",
      "cost per result",
      "cost per results",
      "result indicator",
      "result type",
      "purchase roas (return on ad spend)",
      "attribution setting",
      "delivery status",
      "ad delivery",
    ],
  },
  {
    platform: "microsoft_ads",
    headers: ["spend", "impr.", "conv.", "ad distribution", "account name", "revenue", "gregorian date"],
    preamble: /^(report name|report time|time zone|last completed available day)\b|microsoft corporation/i,
  },
  {
    platform: "google_ads",
    headers: [
      "impr.",
      "currency code",
      "codigo da moeda",
      "codigo de moneda",
      "wahrungscode",
      "code de la devise",
      "avg. cpc",
      "cpc med.",
      "cpc medio",
      "conv. value",
      "cost / conv.",
      "custo / conv.",
      "coste / conv.",
      "campaign status",
      "status da campanha",
      "interactions",
      "search impr. share",
      "campaign type",
      "tipo de campanha",
      "bid strategy type",
      "optimization score",
      "optimisation score",
      "tipo de corresp.",
      "status do criterio",
      "palavra-chave da rede de pesquisa",
      "status do grupo de anuncios",
      "match type",
      "keyword status",
    ],
    preamble:
      /^(campaign|ad group|search keyword|keyword|search terms?|relatorio de campanha|termos de pesquisa|informe de campanas?|kampagnenbericht|rapport sur les campagnes)\b/i,
  },
  {
    platform: "tiktok_ads",
    headers: [
      "clicks (destination)",
      "ctr (destination)",
      "cpc (destination)",
      "ad group name",
      "complete payment",
      "total complete payment",
      "complete payment roas",
      "stat time",
      "stat time day",
      "total complete payment value",
      "video views at 100%",
    ],
  },
  {
    platform: "linkedin_ads",
    headers: [
      "total spent",
      "campaign group name",
      "start date (in utc)",
      "campaign group",
      "leads",
      "average ctr",
      "clicks to landing page",
      "clicks to linkedin page",
      "total social actions",
      "viral impressions",
      "lead forms opened",
    ],
    preamble: /campaign performance report|report start|date generated/i,
  },
  {
    platform: "amazon_ads",
    headers: [
      "7 day total sales",
      "14 day total sales",
      "7 day total orders",
      "14 day total orders",
      "7 day total units",
      "7 day advertised sku sales",
      "total advertising cost of sales (acos)",
      "total return on advertising spend (roas)",
      "customer search term",
      "portfolio name",
      "advertised asin",
      "advertised sku",
    ],
  },
  {
    platform: "snapchat_ads",
    headers: [
      "paid impressions",
      "swipe ups",
      "swipe up rate",
      "paid reach",
      "paid frequency",
      "ecpsu",
      "ad squad name",
      "story opens",
    ],
  },
  {
    platform: "pinterest_ads",
    headers: [
      "spend in account currency",
      "pin clicks",
      "earned impressions",
      "saves",
      "total conversions (checkout)",
      "total order value (checkout)",
      "total order value (lead)",
      "ectr",
    ],
  },
  {
    platform: "reddit_ads",
    headers: ["ecpm", "community", "subreddit", "upvotes", "downvotes", "comments page views"],
  },
  {
    platform: "x_ads",
    headers: [
      "billed engagements",
      "billed charge",
      "funding source",
      "funding instrument name",
      "retweets",
      "reposts",
      "replies",
      "follows",
      "card engagements",
      "media engagements",
      "tweet text",
      "post text",
    ],
  },
  {
    platform: "ga4",
    headers: [
      "sessions",
      "key events",
      "engaged sessions",
      "engagement rate",
      "total users",
      "event count",
      "session primary channel group (default channel group)",
      "session default channel group",
      "session source / medium",
      "page path + query string",
      "bounce rate",
    ],
    preamble: /^#\s*(property|account|start date|end date)\b/i,
  },
  {
    platform: "shopify",
    headers: [
      "total sales",
      "net sales",
      "gross sales",
      "orders",
      "online store visitors",
      "sessions that completed checkout",
      "sessions that reached checkout",
      "sessions with cart additions",
      "returning customer rate",
    ],
  },
];

/** Names common in everyone's own sheets: alone they say nothing about the platform. */
const COMMON_NAMES = new Set(["spend", "revenue", "sessions", "orders", "leads", "currency", "total sales"]);

export function detectPlatform(headers: string[], preamble: string[]): Platform {
  const keys = new Set(headers.map(headerKey));
  let best: { platform: Platform; score: number } = { platform: "generic", score: 1 };
  for (const signature of SIGNATURES) {
    let score = signature.headers
      .filter((header) => keys.has(header))
      .reduce((sum, header) => sum + (COMMON_NAMES.has(header) ? 0.5 : 1), 0);
    if (signature.preamble && preamble.some((line) => signature.preamble?.test(line.trim()))) score += 2;
    if (score > best.score) best = { platform: signature.platform, score };
  }
  return best.platform;
}
