import { defineConfig } from "vitest/config";

/** Workspace packages resolve to their TypeScript sources (the `@mpo/source` export condition) in tests. */
const SOURCE_CONDITION = "@mpo/source";

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION] } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A real PostgreSQL server for the shared store suite: TEST_DATABASE_URL, or one started from npm.
    globalSetup: ["test/store/postgres-server.ts"],
  },
});
