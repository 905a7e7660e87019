import { budgetMovesTool } from "./budget-moves.js";
import { comparePeriodsTool } from "./compare-periods.js";
import { describeDataset } from "./describe-dataset.js";
import { explainChangeTool } from "./explain-change.js";
import { findAnomalies } from "./find-anomalies.js";
import { forecastTool } from "./forecast.js";
import { getKpis } from "./get-kpis.js";
import { otherMeasures } from "./other-measures.js";
import { queryData } from "./query-data.js";
import { renderChart } from "./render-chart.js";
import { testDifferenceTool } from "./test-difference.js";
import type { AnalystTool } from "./tool.js";
import { topBottom } from "./top-bottom.js";
import { trendTool } from "./trend.js";
import { weekdayPatternTool } from "./weekday-pattern.js";

/** The one registry both Gemini and the offline analyst call. */
export const ANALYST_TOOLS: readonly AnalystTool[] = [
  describeDataset,
  getKpis,
  queryData,
  otherMeasures,
  topBottom,
  trendTool,
  comparePeriodsTool,
  findAnomalies,
  explainChangeTool,
  renderChart,
  forecastTool,
  budgetMovesTool,
  testDifferenceTool,
  weekdayPatternTool,
];

export function findTool(name: string): AnalystTool | undefined {
  return ANALYST_TOOLS.find((tool) => tool.name === name);
}
