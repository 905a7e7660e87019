/** The units a period over period can be in, as typed ("wk", "mo", "yr") and as the reader names them. */
const UNITS: Readonly<Record<string, string>> = {
  d: "day",
  day: "day",
  w: "week",
  wk: "week",
  week: "week",
  m: "month",
  mo: "month",
  month: "month",
  q: "quarter",
  qtr: "quarter",
  quarter: "quarter",
  y: "year",
  yr: "year",
  year: "year",
};
const UNIT_WORD = "(days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?)";
const SPELLED = new RegExp(`\\b${UNIT_WORD}[\\s-]*(?:over|on|vs\\.?|versus|/)[\\s-]*${UNIT_WORD}\\b`, "g");
const SHORT = /\b([dwmqy])\s*(?:\/|-o-|o)\s*([dwmqy])\b/g;

/**
 * "m/m", "month-on-month", "wk over wk", "MoM", "w-o-w" all name one thing, a period against the one before
 * it: each is written "<unit> over <unit>", so one rule reads them all. Two different units ("week on
 * month") are left as they are.
 */
export function spelledOverPeriods(text: string): string {
  const over = (all: string, a: string, b: string) => {
    const unit = UNITS[a.replace(/s$/, "")];
    return unit && unit === UNITS[b.replace(/s$/, "")] ? `${unit} over ${unit}` : all;
  };
  return text.replace(SPELLED, over).replace(SHORT, over);
}
