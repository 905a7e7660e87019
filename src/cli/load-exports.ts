import { loadExport, type ReadOptions } from "../ingest/index.js";
import { parseCurrencyRate } from "../workspace-view/currency-rates.js";
import { blendExports, type WorkspaceView } from "../workspace-view/index.js";

/**
 * The files of one command as one view: one file as it is read, several blended (platform and file as
 * dimensions, one currency, a report uploaded twice counted once). `rates` are `--rate FROM:TO=RATE`.
 */
export async function loadExports(
  paths: readonly string[],
  rates: readonly string[] = [],
  options: ReadOptions = {},
): Promise<WorkspaceView> {
  const datasets = [];
  for (const path of paths) datasets.push(await loadExport({ path }, options));
  return blendExports(datasets, { rates: rates.map(parseCurrencyRate) });
}
