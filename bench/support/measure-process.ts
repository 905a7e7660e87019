import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";

export interface ProcessFigures {
  /** Wall time of the fastest and the median run. */
  min: number;
  median: number;
  /** CPU time (user + system) of the fastest run: less sensitive than wall time to other work on the machine. */
  cpu: number;
  /** Highest peak RSS over the runs. */
  rssMb: number;
}

/** Runs a whole process `runs` times under GNU time: wall time, CPU time and peak RSS. */
export function measureProcess(command: string, args: string[], runs: number): ProcessFigures {
  const runsMeasured: Array<{ wall: number; cpu: number }> = [];
  let rssKb = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync("/usr/bin/time", ["-f", "%U %S %M", command, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const wall = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    const [user, system, rss] = (result.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
    runsMeasured.push({ wall, cpu: (user ?? 0) + (system ?? 0) });
    rssKb = Math.max(rssKb, rss ?? 0);
  }
  const byWall = [...runsMeasured].sort((a, b) => a.wall - b.wall);
  const fastest = byWall[0] as { wall: number; cpu: number };
  return {
    min: fastest.wall,
    median: (byWall[Math.floor(runs / 2)] as { wall: number }).wall,
    cpu: fastest.cpu,
    rssMb: Math.round(rssKb / 1024),
  };
}

/** The machine's load, said next to every figure: other work on a shared machine slows every run. */
export function loadLine(): string {
  return `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(", ")} on ${availableParallelism()} cores`;
}
