import { parseArgs } from "node:util";
import { describeContradiction } from "../format/format-receipt.js";
import { analysisJson, blendAnalysisJson } from "../report/analysis.js";
import { UsageError } from "./cli-error.js";
import { humanSummary } from "./human-summary.js";
import { loadExports } from "./load-exports.js";
import { progressBar } from "./progress-bar.js";

/**
 * The analysis as text or JSON, of one file or of several blended (their JSON `source` is then a list of
 * receipts, and `notes` says what the blend did). Figures that contradict the file's own total row are also said on stderr,
 * so a script reading the JSON cannot miss them. A read that takes more than a second shows a progress bar
 * on stderr when stderr is a terminal, never with --json.
 */
export async function analyzeCommand(
  args: string[],
  stderr: (text: string) => void,
  terminal = process.stderr.isTTY === true,
): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      by: { type: "string" },
      json: { type: "boolean", default: false },
      rate: { type: "string", multiple: true, default: [] },
    },
  });
  if (positionals.length === 0) throw new UsageError("expected a file, got none");
  if (positionals.length === 1 && values.rate.length > 0)
    throw new UsageError("--rate converts between files: give it with two or more files");
  const progress = terminal && !values.json ? progressBar(stderr) : null;
  const view = await loadExports(positionals, values.rate, {
    onProgress: progress ? (done, total) => progress.update(done, total) : undefined,
  }).finally(() => progress?.finish());
  for (const source of view.sources) {
    const contradiction = describeContradiction(source.totalsCheck, source.warnings);
    if (contradiction)
      stderr(`mpo: warning: ${positionals.length > 1 ? `${source.file}: ` : ""}${contradiction}\n`);
  }
  const options = { by: values.by };
  if (values.json) {
    const json =
      view.sources.length === 1 ? analysisJson(view.dataset, options) : blendAnalysisJson(view, options);
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  return humanSummary(view.dataset, {
    ...options,
    sources: view.sources.length > 1 ? view.sources : undefined,
  });
}
