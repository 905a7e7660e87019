/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after another,
 * each printing its own figures. Benchmarks are not tests: they measure, and print, on this machine.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
  .sort();

for (const file of files) {
  const { run } = (await import(new URL(file, import.meta.url).href)) as { run: () => Promise<void> };
  console.log(`\n## ${file.replace(".bench.ts", "")}`);
  await run();
}
