import type { Handler } from "hono";
import type { Logger } from "../../log/logger.js";
import { parseJsonBody } from "../body/parse-json-body.js";
import { errorResponse, type HttpEnv } from "../http-env.js";
import { type MetricsSummary, MetricsSummarySchema } from "../insights/metrics-summary.js";

/** Writes the insights (Gemini or the offline analyst): markdown from aggregated figures only. */
export type InsightsWriter = (summary: MetricsSummary) => Promise<string>;

/** A metrics summary in, `{ markdown }` out (the seed's AI consultation). */
export function generateInsightsRoute(
  insights: InsightsWriter,
  logger: Pick<Logger, "error">,
): Handler<HttpEnv> {
  return async (c) => {
    const parsed = parseJsonBody(c.get("rawBody"));
    if (!parsed.ok)
      return errorResponse(c, 400, parsed.message, parsed.position ? { at: parsed.position } : {});
    const summary = MetricsSummarySchema.safeParse(parsed.value);
    if (!summary.success) {
      const problems = summary.error.issues.map(
        (issue) => `${issue.path.join(".") || "body"}: ${issue.message}`,
      );
      return errorResponse(c, 422, problems.join("; "), { problems });
    }
    try {
      return c.json({ markdown: await insights(summary.data) });
    } catch (error) {
      logger.error("the analyst failed to write insights", {
        error: error instanceof Error ? error.message : error,
      });
      return errorResponse(c, 502, "the analyst could not write insights just now; try again in a minute");
    }
  };
}
