import type { Platform } from "../ingest/index.js";
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
