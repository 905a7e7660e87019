import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBigCsv } from "./big-csv.js";
import { loadLine, measureProcess } from "./support/measure-process.js";

/**
 * Issue 2's target: `mpo analyze big.csv --by campaign --json` on 1,000,000 rows (~57 MB), as a whole
 * process, no slower than pandas read_csv + groupby + the same sums, with peak RSS under 300 MB.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 5;
/** MPO_CLI measures another build (a copy built elsewhere while the tree is being edited). */
const cli = process.env.MPO_CLI ?? join(root, "dist/cli.js");

export async function run(): Promise<void> {
  const big = await ensureBigCsv(join(root, "bench/out/big.csv"));
  const quarter = await ensureBigCsv(join(root, "bench/out/quarter.csv"), 250_000);
  console.log(`file: ${big.path} (${(big.bytes / 1e6).toFixed(1)} MB, 1,000,000 rows)`);

  const mpo = measureProcess(
    process.execPath,
    [cli, "analyze", big.path, "--by", "campaign", "--json"],
    RUNS,
  );
  const mpoQuarter = measureProcess(
    process.execPath,
    [cli, "analyze", quarter.path, "--by", "campaign", "--json"],
    3,
  );
  console.log(
    `mpo analyze --by campaign --json: median ${mpo.median.toFixed(3)} s (min ${mpo.min.toFixed(3)}), ${Math.round(1_000_000 / mpo.median).toLocaleString("en-US")} rows/s, peak RSS ${mpo.rssMb} MB`,
  );
  console.log(
    `  same at 250,000 rows: peak RSS ${mpoQuarter.rssMb} MB (memory grows with the columnar table, not the file)`,
  );

  const python = "/usr/bin/python3";
  const hasPandas = existsSync(python) && spawnSync(python, ["-c", "import pandas"]).status === 0;
  if (!hasPandas) {
    console.log("pandas: not installed (apt-get install -y python3-pandas), no comparison");
    return;
  }
  const script = join(root, "bench/out/pandas-analyze.py");
  writeFileSync(
    script,
    [
      "import sys, pandas as pd",
      "df = pd.read_csv(sys.argv[1])",
      "m = ['spend', 'impressions', 'clicks', 'conversions', 'revenue']",
      "by = df.groupby('campaign')[m].sum().sort_values('spend', ascending=False)",
      "totals = df[m].sum()",
      "print(len(by), float(totals['spend']))",
    ].join("\n"),
  );
  const pandas = measureProcess(python, [script, big.path], RUNS);
  console.log(
    `pandas read_csv + groupby + sums: median ${pandas.median.toFixed(3)} s, peak RSS ${pandas.rssMb} MB`,
  );
  console.log(
    `ratio mpo / pandas: ${(mpo.median / pandas.median).toFixed(2)} (target <= 1.00); ${loadLine()}`,
  );
}
