import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.js";
import { METRICS_ROW, SECRET } from "./http-harness.js";

const SERVER = join(process.cwd(), "test", "http", "fixtures", "ingest-server.ts");

const children: ChildProcess[] = [];
let folder: string | undefined;
afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.length = 0;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

async function startServer(databasePath: string): Promise<{ child: ChildProcess; url: string }> {
  // Node itself with tsx as a loader: the `tsx` command would put a wrapper process between us and the
  // server, and SIGKILL would then hit the wrapper only.
  const child = spawn(process.execPath, ["--import", "tsx", SERVER, databasePath, SECRET], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [port] = (await once(lines, "line")) as [string];
  return { child, url: `http://127.0.0.1:${port.trim()}` };
}

function send(url: string, id: string): Promise<boolean> {
  return fetch(`${url}/webhooks/ingest`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ ...METRICS_ROW, id }),
  }).then(
    (response) => response.ok,
    () => false,
  );
}

describe("durability", () => {
  it("keeps every acknowledged record when the process is killed with SIGKILL mid-stream", async () => {
    folder = mkdtempSync(join(tmpdir(), "mpo-kill-"));
    const databasePath = join(folder, "mpo.db");
    const { child, url } = await startServer(databasePath);

    const acked: string[] = [];
    const KILL_AFTER = 400;
    const IN_FLIGHT = 8;
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const id = `rec-${next++}`;
        if (await send(url, id)) acked.push(id);
        if (acked.length >= KILL_AFTER && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
    expect(child.signalCode).toBe("SIGKILL");
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(await send(url, "after-kill")).toBe(false);

    // Restarted on the same file, the server works and holds every acknowledged record.
    const restarted = await startServer(databasePath);
    expect(await send(restarted.url, "after-restart")).toBe(true);
    restarted.child.kill("SIGKILL");
    await once(restarted.child, "exit");

    const store = openSqliteStore(databasePath);
    try {
      const present = new Set((await store.recentEvents(100_000)).map((item) => item.externalId));
      const lost = acked.filter((id) => !present.has(id));
      expect(lost).toEqual([]);
      expect(present.has("after-restart")).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("answers a keyed delivery's retry after a SIGKILL as it was answered before, storing it once", async () => {
    folder = mkdtempSync(join(tmpdir(), "mpo-kill-"));
    const databasePath = join(folder, "mpo.db");
    const { child, url } = await startServer(databasePath);
    // Rows without ids: only the Idempotency-Key keeps a retry from storing them again.
    const post = (target: string, key: string) =>
      fetch(`${target}/webhooks/ingest`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${SECRET}`,
          "idempotency-key": key,
        },
        body: JSON.stringify({ ...METRICS_ROW, id: undefined, campaign: key }),
      });

    const answers = new Map<string, string>();
    const sent: string[] = [];
    const KILL_AFTER = 200;
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const key = `delivery-${next++}`;
        sent.push(key);
        const response = await post(url, key).catch(() => null);
        if (response?.ok) answers.set(key, await response.text());
        if (answers.size >= KILL_AFTER && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
    expect(child.signalCode).toBe("SIGKILL");

    // Every delivery sent is retried once the server is back: an acknowledged one gets its answer again.
    const restarted = await startServer(databasePath);
    for (const key of sent) {
      const response = await post(restarted.url, key);
      expect(response.status).toBe(200);
      const text = await response.text();
      if (answers.has(key)) expect(text).toBe(answers.get(key));
    }
    restarted.child.kill("SIGKILL");
    await once(restarted.child, "exit");

    const store = openSqliteStore(databasePath);
    try {
      const campaigns = (await store.recentEvents(100_000)).map((item) => item.campaign).sort();
      expect(campaigns).toEqual([...sent].sort());
    } finally {
      await store.close();
    }
  });
});
