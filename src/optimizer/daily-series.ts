import { dayRange, type FactTable, type Measure } from "../ingest/fact-table.js";
import { aggregate } from "../metrics/aggregate.js";
import type { Filter } from "../metrics/index.js";

/** One measure per calendar day, every day from the first to the last dated row present. */
export interface DailySeries {
  firstDay: number;
  /** Days with no row hold 0: an export lists a campaign only on days it delivered. */
  values: Record<Measure, number[]>;
  /** Whether any row fell on each day; a measure left blank on a day with rows stays 0 as well. */
  hasRows: boolean[];
  /** The file's other additive measures asked for ("results"), by their key. */
  extras: Record<string, number[]>;
}

/** Keys of the series `dailySeriesBy` returns: one per value of the dimension. */
export type SeriesByValue = Map<string, DailySeries>;

/**
 * The data's days as dense arrays, the form the forecast and the response curves work on. The calendar
 * is the whole data's span, so a series filtered to one campaign still ends on the data's last day and a
 * campaign that stopped a week ago shows those days as zero.
 */
export function dailySeries(facts: FactTable, filter?: Filter): DailySeries | null {
  return dailySeriesBy(facts, null, filter).get("") ?? null;
}

export function dailySeriesBy(
  facts: FactTable,
  dimension: string | null,
  filter?: Filter,
  extras: readonly string[] = [],
): SeriesByValue {
  const span = dayRange(facts);
  const result: SeriesByValue = new Map();
  if (!span) return result;
  const length = span.last - span.first + 1;
  const measures = Object.keys(facts.measures) as Measure[];
  for (const group of aggregate(facts, { grain: "day", by: dimension ? [dimension] : [], filter, extras })) {
    const key = group.keys[0] ?? "";
    let series = result.get(key);
    if (!series) {
      series = {
        firstDay: span.first,
        values: Object.fromEntries(
          measures.map((measure) => [measure, new Array<number>(length).fill(0)]),
        ) as Record<Measure, number[]>,
        hasRows: new Array<boolean>(length).fill(false),
        extras: Object.fromEntries(extras.map((name) => [name, new Array<number>(length).fill(0)])),
      };
      result.set(key, series);
    }
    const index = (group.bucket as number) - span.first;
    series.hasRows[index] = true;
    for (const measure of measures) {
      const value = group.sums[measure];
      if (value !== null && value !== undefined && !Number.isNaN(value))
        (series.values[measure] as number[])[index] = value;
    }
    for (const name of extras) {
      const value = group.extraSums?.[name];
      if (value !== null && value !== undefined && !Number.isNaN(value))
        (series.extras[name] as number[])[index] = value;
    }
  }
  return result;
}
