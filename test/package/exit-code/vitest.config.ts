import { defineConfig } from "vitest/config";

/** The suite's own global setup (the PostgreSQL server) around one test that fails on purpose. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["failing.check.ts"],
    globalSetup: ["../../store/postgres-server.ts"],
  },
});
