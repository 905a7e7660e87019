import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBigCsv, ensureUniqueCsv } from "./big-csv.js";
import { loadLine, measureProcess, type ProcessFigures } from "./support/measure-process.js";

/**
 * Issue 16's targets, each against its anchor in the same run:
 * - 5,000,000 rows of a generic export: `mpo analyze --by campaign --json` as a whole process takes at most
 *   DuckDB's time for one `read_csv … group by campaign` (@duckdb/node-api, also a whole Node process),
 *   with peak RSS at most 1.5 times DuckDB's.
 * - 6,200,000 rows whose three text columns never repeat: under 10 s and under 1 GB of peak RSS.
 * Runs alternate between the two programs so that load from other work falls on both; the fastest run
 * of each is compared, and the machine's load is printed with the figures.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const cli = process.env.MPO_CLI ?? join(root, "dist/cli.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export async function run(): Promise<void> {
  const generic = await ensureBigCsv(join(root, "bench/out/generic-5m.csv"), 5_000_000);
  const unique = await ensureUniqueCsv(join(root, "bench/out/unique-6m.csv"));
  const duckdbScript = join(root, "bench/out/duckdb-analyze.mjs");
  writeFileSync(duckdbScript, DUCKDB_SCRIPT);

  console.log(`5,000,000 rows, ${(generic.bytes / 1e6).toFixed(0)} MB; ${loadLine()}`);
  const mpoRuns: ProcessFigures[] = [];
  const duckRuns: ProcessFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    mpoRuns.push(
      measureProcess(process.execPath, [cli, "analyze", generic.path, "--by", "campaign", "--json"], 1),
    );
    duckRuns.push(measureProcess(process.execPath, [duckdbScript, generic.path], 1));
  }
  const mpo = best(mpoRuns);
  const duck = best(duckRuns);
  console.log(`  mpo analyze --by campaign --json: ${describe(mpo)}`);
  console.log(`  DuckDB read_csv + group by campaign: ${describe(duck)}`);
  console.log(
    `  time mpo / DuckDB ${(mpo.min / duck.min).toFixed(2)} (target <= 1.00); peak RSS ${(mpo.rssMb / duck.rssMb).toFixed(2)} x (target <= 1.50); ${loadLine()}`,
  );

  console.log(`6,200,000 rows, three all-unique text columns, ${(unique.bytes / 1e6).toFixed(0)} MB`);
  const uniqueRuns = Array.from({ length: RUNS }, () =>
    measureProcess(process.execPath, [cli, "analyze", unique.path, "--json"], 1),
  );
  const figures = best(uniqueRuns);
  console.log(`  mpo analyze --json: ${describe(figures)} (targets < 10 s, < 1,024 MB); ${loadLine()}`);
}

/** Fastest wall time, with the highest peak RSS of all runs. */
function best(runs: ProcessFigures[]): ProcessFigures {
  const fastest = [...runs].sort((a, b) => a.min - b.min)[0] as ProcessFigures;
  return { ...fastest, rssMb: Math.max(...runs.map((figures) => figures.rssMb)) };
}

function describe(figures: ProcessFigures): string {
  return `best of ${RUNS} ${figures.min.toFixed(2)} s (CPU ${figures.cpu.toFixed(2)} s), peak RSS ${figures.rssMb} MB`;
}

/** The same question to DuckDB: every row read, summed by campaign, printed. */
const DUCKDB_SCRIPT = `
import { DuckDBInstance } from "@duckdb/node-api";
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const file = process.argv[2].replaceAll("'", "''");
const reader = await connection.runAndReadAll(
  \`select campaign, sum(spend), sum(impressions), sum(clicks), sum(conversions), sum(revenue)
   from read_csv('\${file}') group by campaign order by sum(spend) desc\`,
);
console.log(JSON.stringify(reader.getRowsJson()).length);
`;
