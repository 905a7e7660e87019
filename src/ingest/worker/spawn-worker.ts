import { Worker, type WorkerOptions } from "node:worker_threads";

// Run from TypeScript sources (tests, tsx), a worker registers tsx's loader first; built, it is plain
// JavaScript. Workers do not take --import, hence the bootstrap.
const FROM_SOURCE = import.meta.url.endsWith(".ts");

/** Starts one of this folder's worker modules ("parse-worker", "piece-worker"), from source or built. */
export function spawnWorker(module: string, options: WorkerOptions = {}): Worker {
  const url = new URL(`./${module}${FROM_SOURCE ? ".ts" : ".js"}`, import.meta.url);
  if (!FROM_SOURCE) return new Worker(url, options);
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
