export { openSqliteStore, type SqliteStoreOptions } from "./sqlite/open-sqlite-store.js";
export type * from "./store.js";
export { StoreError } from "./store-error.js";
