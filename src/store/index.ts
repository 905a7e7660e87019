export { openStore } from "./open-store.js";
export { openPostgresStore, type PostgresStoreOptions } from "./postgres/open-postgres-store.js";
export { openSqliteStore, type SqliteStoreOptions } from "./sqlite/open-sqlite-store.js";
export type * from "./store.js";
export { StoreError } from "./store-error.js";
