import { openPostgresStore } from "./postgres/open-postgres-store.js";
import { openSqliteStore } from "./sqlite/open-sqlite-store.js";
import type { Store } from "./store.js";
import { StoreError } from "./store-error.js";

/** The store DATABASE_URL names: `sqlite:<file>` (the embedded default) or `postgres://…`. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(?:ql)?:\/\//.test(databaseUrl)) return openPostgresStore(databaseUrl);
  if (databaseUrl.startsWith("sqlite:")) return openSqliteStore(databaseUrl.slice("sqlite:".length));
  throw new StoreError(
    "DATABASE_URL must start with sqlite: (e.g. sqlite:data/mpo.db) or postgres:// (e.g. postgres://user:password@host:5432/mpo)",
  );
}
