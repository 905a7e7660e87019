import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { FactTable } from "../../src/ingest/index.js";
import { bigDataset, bigFacts } from "./big-facts.js";
import { countRows, onDatabase } from "./database-rows.js";
import { expectSameFacts } from "./same-facts.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

const CHILD = fileURLToPath(new URL("./interrupted-save-child.ts", import.meta.url));
const T1 = { team: "T1", enterprise: null };

let temp: TempStore;
afterEach(() => temp.remove());

/** Where the child process finds the temporary store's database. */
function databaseOf(temp: TempStore): string {
  if (temp.kind === "sqlite") return temp.path;
  const url = new URL(inject("postgresUrl"));
  url.searchParams.set("options", `-c search_path=${temp.path}`);
  return url.toString();
}

/** Starts the child's save and kills it with SIGKILL once some of its pieces are committed. */
async function killMidSave(temp: TempStore): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, temp.kind, databaseOf(temp)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  try {
    while ((await countRows(temp, "dataset_column_pieces")) === 0) {
      if (child.exitCode !== null) throw new Error(`the saving process ended first: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill("SIGKILL");
    await exited;
  }
  expect(child.signalCode).toBe("SIGKILL");
  expect(output).not.toContain("saved");
}

describe.each(STORE_KINDS)("a save cut short by kill -9 (%s)", (kind) => {
  it("is invisible to every read, and removed with its pieces when the store is next opened", async () => {
    temp = tempStore(kind);
    await (await temp.open()).close();
    await killMidSave(temp);

    const [left] = await onDatabase(temp, (query) =>
      query("SELECT id FROM datasets WHERE saving_at IS NOT NULL"),
    );
    const id = String(left?.id);
    expect(await countRows(temp, "dataset_column_pieces")).toBeGreaterThan(0);

    // Opened as if the save could still be going on (another instance's): kept, but no read sees it.
    const meanwhile = await temp.open({ abandonedSaveMs: 60 * 60 * 1000 });
    expect(await countRows(temp, "datasets")).toBe(1);
    expect(await meanwhile.getDataset(id)).toBeNull();
    expect(await meanwhile.getDataset(id, T1)).toBeNull();
    expect(await meanwhile.latestDataset("C1", T1)).toBeNull();
    expect(await meanwhile.latestDataset("C1")).toBeNull();
    expect(await meanwhile.listDatasets({ workspace: T1 })).toEqual([]);
    expect(await meanwhile.listDatasets({ workspace: T1, channels: ["C1"] })).toEqual([]);
    expect(await meanwhile.datasetForThread("C1", "1.1", T1)).toBeNull();
    expect(await meanwhile.findDatasetByFile("F-big")).toBeNull();
    await meanwhile.close();

    // SQLite: one process owns the file, so any unfinished save is over. PostgreSQL waits for it to go quiet.
    const reopened = await temp.open(kind === "sqlite" ? {} : { abandonedSaveMs: 0 });
    expect(await countRows(temp, "datasets")).toBe(0);
    expect(await countRows(temp, "dataset_columns")).toBe(0);
    expect(await countRows(temp, "dataset_column_pieces")).toBe(0);

    // The upload's job, run again, stores the file.
    const facts = bigFacts(2_000);
    expect((await reopened.saveDataset(bigDataset(facts))).created).toBe(true);
    expectSameFacts((await reopened.latestDataset("C1", T1))?.facts as FactTable, facts);
  });
});
