import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore, type SqliteStoreOptions, type Store } from "../../src/store/index.js";

/** A real SQLite file in its own temporary folder, reopened as often as a test likes. */
export interface TempStore {
  path: string;
  open(options?: SqliteStoreOptions): Store;
  /** Closes every store opened here and deletes the folder. */
  remove(): Promise<void>;
}

export function tempStore(): TempStore {
  const folder = mkdtempSync(join(tmpdir(), "mpo-store-"));
  const path = join(folder, "data", "mpo.db");
  const opened: Store[] = [];
  return {
    path,
    open(options) {
      const store = openSqliteStore(path, options);
      opened.push(store);
      return store;
    },
    async remove() {
      for (const store of opened) await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
