import type { Database } from "better-sqlite3";
import { type KeptResponse, type KeptResponses, replayOrProduce } from "../replay-or-produce.js";
import { type DatasetWriter, type PieceOptions, saveInPieces } from "../rows/save-in-pieces.js";
import type { RememberedResponse, Store, StoredResponse, StoreStatus } from "../store.js";
import { StoreError } from "../store-error.js";
import type { Answered, TableMethods } from "../store-from.js";

export interface SqliteParts {
  db: Database;
  tables: Answered<true>;
  responses: KeptResponses;
  status: () => StoreStatus;
  /** A dataset is saved in several transactions, each waiting its turn like any other call. */
  datasets: { writer: DatasetWriter } & PieceOptions;
}

/** What a transaction run at once (`runNowOf`) may use: the tables' own synchronous methods and kept responses. */
export interface ImmediateTx {
  tables: Answered<true>;
  responses: {
    find(key: string): KeptResponse | undefined;
    keep(key: string, fingerprint: string, response: StoredResponse): void;
  };
  /** Runs `work` in a savepoint: when it throws, only its own writes are undone. */
  nested<T>(work: () => T): T;
}

/** `runNow`'s answer when another transaction is open: the work did not run. */
export const BUSY: unique symbol = Symbol("another transaction is open");

/** Runs `work` in a transaction of its own, committed before it returns; BUSY (work not run) while another is open. */
export type RunNow = <T>(work: (tx: ImmediateTx) => T) => T | typeof BUSY;

const RUN_NOW: unique symbol = Symbol("run a transaction at once");

/**
 * The SQLite store's synchronous transactions, for a caller that can do all its work without awaiting:
 * no promise, no turn of the event loop between its statements. Absent on other engines, and when each
 * commit is an fsync (synchronous = FULL): there, callers should share commits through a queue.
 */
export function runNowOf(store: Store): RunNow | undefined {
  return (store as { [RUN_NOW]?: RunNow })[RUN_NOW];
}

/**
 * A transaction holds the one connection for milliseconds; a call that waits this long is almost surely
 * one made on the store from inside a transaction's own work, which would otherwise wait forever.
 */
const WAIT_LIMIT_MS = 10_000;

/**
 * The promise-returning store over synchronous SQLite. Each call runs at once and settles its promise, so
 * a call costs what better-sqlite3 costs plus one microtask. The one connection makes a transaction a
 * stretch of time rather than a handle: while one is open (its work may await between statements), calls
 * on the store wait for it to end, and only the `tx` given to the work reaches the database, so no other
 * request's writes are committed or rolled back with it.
 */
export function sqliteAsyncStore(parts: SqliteParts): Store {
  const { db } = parts;
  let running: Promise<void> | null = null;

  const waitTurn = async () => {
    const started = Date.now();
    while (running) {
      const turn = running;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(resolve, WAIT_LIMIT_MS, "late");
      });
      const outcome = await Promise.race([turn, late]);
      clearTimeout(timer);
      if (outcome === "late" && Date.now() - started >= WAIT_LIMIT_MS) {
        throw new StoreError(
          `a store call waited ${WAIT_LIMIT_MS / 1000} s for a transaction to end: inside store.transaction, call the tx it gives, not the store`,
        );
      }
    }
  };

  const wrap = (gate: boolean): TableMethods =>
    Object.fromEntries(
      Object.entries(parts.tables).map(([name, method]) => {
        const call = method as (...args: unknown[]) => unknown;
        return [
          name,
          gate
            ? async (...args: unknown[]) => {
                // Re-checked after each wait: another transaction may have begun before this call resumed.
                while (running) await waitTurn();
                return call(...args);
              }
            : async (...args: unknown[]) => call(...args),
        ];
      }),
    ) as unknown as TableMethods;

  /** Every statement of a save waits for a transaction in progress, so none is caught up in another's. */
  const saveDataset = (gate: boolean): Store["saveDataset"] => {
    const { writer, pieceBytes } = parts.datasets;
    const turn =
      <A extends unknown[], R>(call: (...args: A) => R) =>
      async (...args: A): Promise<Awaited<R>> => {
        if (gate) while (running) await waitTurn();
        return call(...args) as Awaited<R>;
      };
    const gated: DatasetWriter = {
      storedFrom: turn(writer.storedFrom),
      begin: turn(writer.begin),
      write: turn(writer.write),
      finish: turn(writer.finish),
      discard: turn(writer.discard),
    };
    return (input) => saveInPieces(input, gated, { pieceBytes });
  };

  /** Runs `work` between `begin` and `commit`, or `rollback` when it throws. */
  const bracket = async <T>(
    statements: { begin(): unknown; commit(): unknown; rollback(): unknown },
    work: () => Promise<T>,
  ): Promise<T> => {
    statements.begin();
    try {
      const result = await work();
      statements.commit();
      return result;
    } catch (error) {
      if (db.inTransaction) statements.rollback();
      throw error;
    }
  };
  // Prepared once: every webhook delivery is a transaction, and parsing BEGIN and COMMIT each time adds up.
  const prepared = (sql: string) => {
    const statement = db.prepare(sql);
    return () => statement.run();
  };
  const outermost = { begin: prepared("BEGIN"), commit: prepared("COMMIT"), rollback: prepared("ROLLBACK") };

  const remember = async (
    store: Store,
    key: string,
    fingerprint: string,
    produce: (tx: Store) => Promise<StoredResponse>,
  ): Promise<RememberedResponse> =>
    store.transaction((tx) => replayOrProduce(tx, key, fingerprint, produce, parts.responses));

  // One name for every level: SQLite releases or rolls back to the innermost savepoint of that name.
  const rollbackTo = prepared("ROLLBACK TO nested");
  const release = prepared("RELEASE nested");
  const nested = {
    begin: prepared("SAVEPOINT nested"),
    commit: release,
    rollback: () => {
      rollbackTo();
      release();
    },
  };

  const inside: Store = {
    ...wrap(false),
    saveDataset: saveDataset(false),
    transaction: async <T>(work: (tx: Store) => Promise<T>): Promise<T> =>
      bracket(nested, () => work(inside)),
    rememberResponse: (key: string, fingerprint: string, produce: (tx: Store) => Promise<StoredResponse>) =>
      remember(inside, key, fingerprint, produce),
    ping: async () => parts.status(),
    close: async () => {
      throw new Error("close the store, not a transaction");
    },
  };

  const outside: Store = {
    ...wrap(true),
    saveDataset: saveDataset(true),
    transaction: async <T>(work: (tx: Store) => Promise<T>): Promise<T> => {
      // Checked and taken in one synchronous stretch, so two waiters never both begin.
      while (running) await waitTurn();
      let done = () => {};
      running = new Promise<void>((resolve) => {
        done = resolve;
      });
      try {
        return await bracket(outermost, () => work(inside));
      } finally {
        running = null;
        done();
      }
    },
    rememberResponse: (key: string, fingerprint: string, produce: (tx: Store) => Promise<StoredResponse>) =>
      remember(outside, key, fingerprint, produce),
    ping: async () => {
      while (running) await waitTurn();
      return parts.status();
    },
    close: async () => {
      while (running) await waitTurn();
      if (db.open) db.close();
    },
  };
  // synchronous = FULL (2) or EXTRA (3): each commit waits for the disk, so commits are better shared.
  if (Number(db.pragma("synchronous", { simple: true })) >= 2) return outside;
  const immediate: ImmediateTx = {
    tables: parts.tables,
    responses: parts.responses as ImmediateTx["responses"],
    nested: (work) => {
      nested.begin();
      try {
        const result = work();
        nested.commit();
        return result;
      } catch (error) {
        nested.rollback();
        throw error;
      }
    },
  };
  const runNow: RunNow = (work) => {
    // A transaction awaiting between its statements, or a dataset's save between its pieces.
    if (running || db.inTransaction) return BUSY;
    outermost.begin();
    try {
      const result = work(immediate);
      outermost.commit();
      return result;
    } catch (error) {
      if (db.inTransaction) outermost.rollback();
      throw error;
    }
  };
  return Object.assign(outside, { [RUN_NOW]: runNow });
}
