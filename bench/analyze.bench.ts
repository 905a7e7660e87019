import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBigCsv } from "./big-csv.js";

/**
 * Issue 2's target: `mpo analyze big.csv --by campaign --json` on 1,000,000 rows (~57 MB), as a whole
 * process, no slower than pandas read_csv + groupby + the same sums, with peak RSS under 300 MB.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 5;

export async function run(): Promise<void> {
  const big = await ensureBigCsv(join(root, "bench/out/big.csv"));
  const quarter = await ensureBigCsv(join(root, "bench/out/quarter.csv"), 250_000);
  console.log(`file: ${big.path} (${(big.bytes / 1e6).toFixed(1)} MB, 1,000,000 rows)`);

  const mpo = measure(process.execPath, [
    join(root, "dist/cli.js"),
    "analyze",
    big.path,
    "--by",
    "campaign",
    "--json",
  ]);
  const mpoQuarter = measure(
    process.execPath,
    [join(root, "dist/cli.js"), "analyze", quarter.path, "--by", "campaign", "--json"],
    3,
  );
  console.log(
    `mpo analyze --by campaign --json: median ${mpo.seconds.toFixed(3)} s (min ${mpo.min.toFixed(3)}), ${Math.round(1_000_000 / mpo.seconds).toLocaleString("en-US")} rows/s, peak RSS ${mpo.rssMb} MB`,
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
  const pandas = measure(python, [script, big.path]);
  console.log(
    `pandas read_csv + groupby + sums: median ${pandas.seconds.toFixed(3)} s, peak RSS ${pandas.rssMb} MB`,
  );
  console.log(`ratio mpo / pandas: ${(mpo.seconds / pandas.seconds).toFixed(2)} (target <= 1.00)`);
}

/** Median wall time of a whole process, and its peak RSS from GNU time. */
function measure(
  command: string,
  args: string[],
  runs = RUNS,
): { seconds: number; min: number; rssMb: number } {
  const seconds: number[] = [];
  let rssKb = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
    seconds.push((performance.now() - started) / 1000);
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    rssKb = Math.max(rssKb, Number(result.stderr.trim().split("\n").pop()));
  }
  seconds.sort((a, b) => a - b);
  return {
    seconds: seconds[Math.floor(runs / 2)] as number,
    min: seconds[0] as number,
    rssMb: Math.round(rssKb / 1024),
  };
}
