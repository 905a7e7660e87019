/**
 * Chart rendering time in a warm process: a 20-bar breakdown and a 1,000-point daily trend, each rendered
 * to a 2x PNG (spec building, Vega layout, drawing on the Skia canvas, PNG encoding). Every run gets fresh
 * figures, labels and footer, as charts in a running app do: what a warm process reuses is what it would
 * reuse in production (each chart shape compiled once, a fresh view of it built ahead while the previous
 * PNG encodes, the loaded font), never a previous run's picture.
 * Target: a median under 40 ms per chart.
 */
import { breakdownChartSpec, renderPng, trendChartSpec } from "../src/charts/index.js";
import { CONTEXT, campaignRows, dailyRows } from "../test/charts/sample-data.js";

const WARM_UP = 8;
const RUNS = 40;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/**
 * Wall time is what a user waits; process CPU time (all threads, sharp's included) is printed beside it
 * because on a machine shared with other work it shows what the render itself costs.
 */
async function time(name: string, render: (run: number) => Promise<Buffer>): Promise<void> {
  for (let run = 0; run < WARM_UP; run++) await render(run);
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    bytes = (await render(WARM_UP + run)).length;
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const figures = [
    `median ${percentile(wall, 0.5).toFixed(1)} ms`,
    `p95 ${percentile(wall, 0.95).toFixed(1)} ms`,
    `CPU median ${percentile(cpu, 0.5).toFixed(1)} ms`,
    `${RUNS} runs, PNG ${Math.round(bytes / 1024)} KB`,
  ];
  console.log(`${name.padEnd(32)} ${figures.join("   ")}`);
}

export async function run(): Promise<void> {
  const campaigns = campaignRows(40);
  await time("breakdown, 20 bars, 2x", (run) =>
    renderPng(
      breakdownChartSpec({
        rows: campaigns.map((row) => ({ ...row, spend: (row.spend ?? 0) * (1 + (run % 7) / 10) })),
        metric: "spend",
        dimension: "campaign",
        top: 19,
        context: { ...CONTEXT, source: `export-${run}.csv` },
      }),
    ),
  );
  const days = dailyRows(1000, Date.UTC(2021, 6, 1));
  await time("trend, 1,000 daily points, 2x", (run) =>
    renderPng(
      trendChartSpec({
        rows: days.map((row) => ({ ...row, spend: (row.spend ?? 0) * (1 + (run % 5) / 20) })),
        metric: "spend",
        grain: "day",
        context: { ...CONTEXT, source: `export-${run}.csv`, dateRange: null },
      }),
    ),
  );
}
