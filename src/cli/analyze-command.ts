import { parseArgs } from "node:util";
import { loadExport } from "../ingest/index.js";
import { analysisJson } from "../report/analysis.js";
import { UsageError } from "./cli-error.js";
import { humanSummary } from "./human-summary.js";

export const ANALYZE_USAGE = "mpo analyze <file> [--by <dimension>] [--json]";

export async function analyzeCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { by: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`expected one file, got ${positionals.length}`);
  const dataset = await loadExport({ path: file });
  if (values.json) return `${JSON.stringify(analysisJson(dataset, { by: values.by }), null, 2)}\n`;
  return humanSummary(dataset, { by: values.by });
}
