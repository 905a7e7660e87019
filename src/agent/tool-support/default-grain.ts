import { type DateRange, dayRange, type FactTable, isoToDay } from "../../ingest/index.js";
import type { Grain } from "../../metrics/index.js";

/** Day by day reads well up to about six weeks, weeks up to about half a year, months beyond. */
export function defaultGrain(range: DateRange | null, facts: FactTable): Grain {
  const span = range ? { first: isoToDay(range.from), last: isoToDay(range.to) } : dayRange(facts);
  const days = span ? span.last - span.first + 1 : 0;
  return days <= 45 ? "day" : days <= 200 ? "week" : "month";
}
