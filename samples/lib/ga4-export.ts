import { type AdLine, dailyFigures } from "./ad-line.js";
import { daysBetween } from "./calendar.js";
import { cell, plain } from "./number-format.js";
import type { Random } from "./random.js";

/** A GA4 default channel group; its "spend" stands in for the day's sessions budget in the model. */
export interface Ga4Channel extends AdLine {
  /** Share of sessions that count as engaged. */
  engagedShare: number;
}

/**
 * GA4's "Traffic acquisition" report exported as CSV: a `#` preamble naming the property and the date
 * range, then one row per channel group and day (dates as YYYYMMDD). GA4 has no cost: sessions take the
 * place of clicks, key events of conversions.
 */
export function ga4Export(
  property: string,
  from: string,
  to: string,
  channels: readonly Ga4Channel[],
  random: Random,
): string {
  const compact = (day: string) => day.replaceAll("-", "");
  const lines: string[] = [
    "# ----------------------------------------",
    "# Traffic acquisition: Session primary channel group (Default Channel Group)",
    `# Account: ${property}`,
    `# Property: ${property}`,
    "# ----------------------------------------",
    "# ",
    "# All Users",
    `# Start date: ${compact(from)}`,
    `# End date: ${compact(to)}`,
    [
      "Session primary channel group (Default Channel Group)",
      "Date",
      "Sessions",
      "Engaged sessions",
      "Engagement rate",
      "Key events",
      "Session key event rate",
      "Total revenue",
    ].join(","),
  ];
  for (const day of daysBetween(from, to)) {
    for (const channel of channels) {
      const figures = dailyFigures(channel, day, random);
      const sessions = figures.clicks;
      const engaged = random.binomial(sessions, channel.engagedShare);
      lines.push(
        [
          cell(channel.name, ","),
          compact(day),
          String(sessions),
          String(engaged),
          sessions === 0 ? "0" : plain(engaged / sessions, 6),
          String(figures.conversions),
          sessions === 0 ? "0" : plain(figures.conversions / sessions, 6),
          plain(figures.revenue, 2),
        ].join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
