import { parseArgs } from "node:util";
import { describeContradiction } from "../format/format-receipt.js";
import { loadExport } from "../ingest/index.js";
import { analysisJson } from "../report/analysis.js";
import { UsageError } from "./cli-error.js";
import { humanSummary } from "./human-summary.js";

/**
 * The analysis as text or JSON. Figures that contradict the file's own total row are also said on stderr,
 * so a script reading the JSON cannot miss them.
 */
export async function analyzeCommand(args: string[], stderr: (text: string) => void): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { by: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`expected one file, got ${positionals.length}`);
  const dataset = await loadExport({ path: file });
  const contradiction = describeContradiction(dataset.totalsCheck, dataset.receipt.warnings);
  if (contradiction) stderr(`mpo: warning: ${contradiction}\n`);
  if (values.json) return `${JSON.stringify(analysisJson(dataset, { by: values.by }), null, 2)}\n`;
  return humanSummary(dataset, { by: values.by });
}
