import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore, type Store } from "../../src/store/index.js";

let folder = "";
let store: Store | null = null;

afterEach(async () => {
  await store?.close();
  store = null;
  rmSync(folder, { recursive: true, force: true });
});

/** Rows the database file holds by itself, WAL left out: what checkpoints have copied back so far. */
function rowsInDatabaseFile(path: string): number {
  const copy = join(folder, "file-only.db");
  copyFileSync(path, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // Until a checkpoint, even the schema is only in the WAL.
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'live_metrics'").get();
    if (!table) return 0;
    return (db.prepare("SELECT count(*) AS n FROM live_metrics").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("SQLite checkpoints on a worker thread", () => {
  it("copies committed rows into the database file without the writer checkpointing, and closes cleanly", async () => {
    folder = mkdtempSync(join(tmpdir(), "mpo-checkpoints-"));
    const path = join(folder, "mpo.db");
    store = openSqliteStore(path);
    const records = Array.from({ length: 20 }, (_, index) => ({
      kind: "metrics" as const,
      externalId: `row-${index}`,
      date: "2025-05-10",
      campaign: `Campaign ${index}`,
      spend: 10,
    }));
    await store.saveLiveBatch({ source: "n8n", records });
    // Twenty rows are far below the writer's own checkpoint threshold: only the worker copies them back.
    // It may start late on a loaded machine (CI shares its cores), so the wait is long; it ends at once.
    let copied = 0;
    for (let attempt = 0; attempt < 400 && copied < records.length; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      copied = rowsInDatabaseFile(path);
    }
    expect(copied).toBe(records.length);

    await store.close();
    store = null;
    // The writer's connection closed last, so SQLite folded the WAL in and removed it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = openSqliteStore(path);
    try {
      expect((await reopened.liveFacts()).rowCount).toBe(records.length);
    } finally {
      await reopened.close();
    }
  });
});
