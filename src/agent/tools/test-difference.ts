import { z } from "zod";
import type { Measure } from "../../ingest/index.js";
import { dimensionColumn, type Filter, isRate, METRIC_CATALOG, MetricsError } from "../../metrics/index.js";
import {
  CONFIDENCE,
  type DifferenceTest,
  MIN_UNITS,
  rateDifference,
  ratioDifference,
} from "../../optimizer/difference-test.js";
import { segmentUnits } from "../../optimizer/segment-units.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

const TESTED = ["ctr", "cvr", "cpc", "cpm", "cpa", "roas", "aov"] as const;
const dateRange = z.object({ from: z.string(), to: z.string() });

export const testDifferenceTool = defineTool({
  name: "test_difference",
  description:
    "Is a difference real? Compares a rate or ratio (ctr, cvr, cpc, cpm, cpa, roas, aov) between two values of a dimension (e.g. gender male vs female) or two date ranges, with a 95% interval for the difference, a p-value and, when inconclusive, the sample each side would need. Rates use a two-proportion test widened for day-to-day (or row-to-row) variation; cost ratios a bootstrap over days (or rows when undated). Never call a side the winner unless significant is true.",
  schema: z.object({
    metric: z.enum(TESTED),
    dimension: z
      .string()
      .min(1)
      .optional()
      .describe("With values: the dimension whose two values are compared"),
    values: z
      .array(z.string().min(1))
      .length(2)
      .optional()
      .describe('The two values, e.g. ["male", "female"]'),
    periods: z.array(dateRange).length(2).optional().describe("Or two inclusive date ranges, YYYY-MM-DD"),
    filters: scopeShape.filters,
    source: scopeShape.source,
  }),
  run(context, args) {
    const scope = resolveScope(context, { filters: args.filters, source: args.source });
    requireMetrics(scope.facts, [args.metric]);
    const { numerator, denominator, scale } = METRIC_CATALOG[args.metric].ratio as {
      numerator: Measure;
      denominator: Measure;
      scale: number;
    };
    const sides = sidesOf(args, scope.filter, scope.facts);
    const [a, b] = sides.map((side) => segmentUnits(scope.facts, side.filter, numerator, denominator)) as [
      ReturnType<typeof segmentUnits>,
      ReturnType<typeof segmentUnits>,
    ];
    const fewest = Math.min(a.units.length, b.units.length);
    if (fewest < MIN_UNITS) {
      throw new MetricsError(
        `a test needs at least ${MIN_UNITS} ${a.unitName} with ${denominator} on each side; ${sides[a.units.length <= b.units.length ? 0 : 1]?.label} has ${fewest}`,
      );
    }
    const raw = isRate(args.metric)
      ? rateDifference(a.units, b.units, denominator)
      : ratioDifference(a.units, b.units, a.unitName);
    const times = scale;
    const test = {
      ...raw,
      a: raw.a * times,
      b: raw.b * times,
      difference: raw.difference * times,
      low: raw.low * times,
      high: raw.high * times,
    };
    return {
      scope: scope.described,
      metric: args.metric,
      ...describeTest(test, sides[0]?.label ?? "", sides[1]?.label ?? ""),
      units: { kind: a.unitName, first: a.units.length, second: b.units.length },
    };
  },
});

interface Side {
  label: string;
  filter: Filter;
}

function sidesOf(
  args: { dimension?: string; values?: string[]; periods?: Array<{ from: string; to: string }> },
  filter: Filter,
  facts: Parameters<typeof dimensionColumn>[0],
): [Side, Side] {
  if (args.dimension && args.values) {
    const column = dimensionColumn(facts, args.dimension);
    const [first, second] = args.values.map((value) => {
      const known = column.values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      if (!known) throw new MetricsError(`no ${args.dimension} "${value}" in this data`);
      return known;
    }) as [string, string];
    const side = (value: string): Side => ({
      label: value,
      filter: { ...filter, where: { ...filter.where, [args.dimension as string]: [value] } },
    });
    return [side(first), side(second)];
  }
  if (args.periods) {
    const [first, second] = args.periods as [{ from: string; to: string }, { from: string; to: string }];
    const side = (range: { from: string; to: string }): Side => ({
      label: `${range.from} to ${range.to}`,
      filter: { ...filter, dateRange: range },
    });
    return [side(first), side(second)];
  }
  throw new MetricsError("name two values of a dimension, or two date ranges, to compare");
}

function describeTest(test: DifferenceTest, first: string, second: string): JsonObject {
  const verdict = test.significant
    ? `significant at ${Math.round(CONFIDENCE * 100)}%: ${test.difference > 0 ? first : second} is ${test.difference > 0 ? "higher" : "lower"} beyond chance`
    : "not significant: the difference is within what chance alone gives";
  return {
    first: { segment: first, value: test.a },
    second: { segment: second, value: test.b },
    difference: test.difference,
    interval_low: test.low,
    interval_high: test.high,
    confidence: CONFIDENCE,
    p_value: test.pValue,
    significant: test.significant,
    verdict,
    method: test.method,
    ...(test.neededPerSegment === null
      ? {}
      : {
          sample_needed: `about ${test.neededPerSegment} ${test.neededUnit} on each side for a difference this size to show at 95% with 80% power`,
          sample_needed_per_side: test.neededPerSegment,
        }),
  };
}
