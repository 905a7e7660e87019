import type { DateRange, FactTable } from "../ingest/fact-table.js";
import { type DaySpan, rangeOfSpan, spanOfRange } from "./calendar.js";
import type { Filter } from "./filter.js";
import { type Figures, figuresFromSums } from "./kpis.js";
import { METRICS, type Metric } from "./metric-catalog.js";
import { MetricsError } from "./metrics-error.js";
import { defaultCurrentPeriod, previousPeriod } from "./periods.js";
import { sliceSums } from "./totals.js";

export interface PeriodFigures {
  range: DateRange;
  figures: Figures;
}

export interface Delta {
  /** current - previous, null when either is unknown. */
  absolute: number | null;
  /** (current - previous) / |previous| as a fraction, null when previous is unknown or zero. */
  relative: number | null;
}

export interface PeriodComparison {
  current: PeriodFigures;
  previous: PeriodFigures;
  deltas: Record<Metric, Delta>;
}

export interface CompareOptions {
  /** Defaults to the last 7 days when the data spans two weeks or more, else to its later half. */
  current?: DateRange;
  /** Its date range, when given, further narrows both periods. */
  filter?: Filter;
}

/** This period against the one of equal length right before it. */
export function comparePeriods(facts: FactTable, options: CompareOptions = {}): PeriodComparison {
  const { filter } = options;
  if (!facts.days) throw new MetricsError("this data has no dates");
  const currentSpan = options.current
    ? spanOfRange(options.current, "the current period")
    : defaultCurrentPeriod(facts, filter);
  const current = periodFigures(facts, currentSpan, filter);
  const previous = periodFigures(facts, previousPeriod(currentSpan), filter);
  const deltas = {} as Record<Metric, Delta>;
  for (const metric of METRICS) deltas[metric] = delta(previous.figures[metric], current.figures[metric]);
  return { current, previous, deltas };
}

function periodFigures(facts: FactTable, span: DaySpan, filter: Filter | undefined): PeriodFigures {
  return { range: rangeOfSpan(span), figures: figuresFromSums(sliceSums(facts, filter, span)) };
}

export function delta(previous: number | null, current: number | null): Delta {
  if (previous === null || current === null) return { absolute: null, relative: null };
  const absolute = current - previous;
  return { absolute, relative: previous === 0 ? null : absolute / Math.abs(previous) };
}
