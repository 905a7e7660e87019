import type { FactTable, Platform } from "../ingest/index.js";
import { PLATFORM_LABELS } from "./format-receipt.js";

/** Labels that name what a file is, not where an ad ran: never a channel's name. */
const NOT_CHANNELS = new Set<string>(["generic", "webhook"]);

/**
 * A dimension value as people read it: a channel sent as one of our platform ids (`meta_ads`, as
 * automations often do) is shown by the platform's name; anything else as it is.
 */
export function dimensionValueLabel(dimension: string, value: string): string {
  if (dimension !== "channel" || NOT_CHANNELS.has(value) || !Object.hasOwn(PLATFORM_LABELS, value))
    return value;
  return PLATFORM_LABELS[value as Platform];
}

/**
 * The same rows with a channel column of platform ids (`meta_ads`) named as people read them ("Meta
 * Ads"), so answers, breakdowns and filters over them say the name. Left as it is when a name is already
 * one of the column's values: two spellings of one channel must not become two equal labels.
 */
export function withPlatformNames(facts: FactTable): FactTable {
  const column = facts.dimensions.channel;
  if (!column) return facts;
  const named = column.values.map((value) => dimensionValueLabel("channel", value));
  if (named.every((name, index) => name === column.values[index]) || new Set(named).size < named.length)
    return facts;
  return { ...facts, dimensions: { ...facts.dimensions, channel: { codes: column.codes, values: named } } };
}
