import { afterEach, describe, expect, it } from "vitest";
import { type FactTable, factTableFromRecords, readExport } from "../../src/ingest/index.js";
import type { Store } from "../../src/store/index.js";
import { LATEST_POSTGRES_VERSION } from "../../src/store/postgres/postgres-migrations.js";
import { LATEST_SCHEMA_VERSION } from "../../src/store/sqlite/migrations.js";
import { type ColumnShape, contentsOf, type SchemaShape, schemaOf } from "./database-schema.js";
import { downgrade } from "./old-schema.js";
import { expectSameFacts } from "./same-facts.js";
import { STORE_KINDS, type StoreKind, type TempStore, tempStore } from "./temp-store.js";

const temps: TempStore[] = [];
afterEach(async () => {
  for (const temp of temps.splice(0)) await temp.remove();
});
const freshTemp = (kind: StoreKind) => {
  const temp = tempStore(kind);
  temps.push(temp);
  return temp;
};

const LATEST: Record<StoreKind, number> = {
  sqlite: LATEST_SCHEMA_VERSION,
  postgres: LATEST_POSTGRES_VERSION,
};
const T1 = { team: "T1", enterprise: null };

/** Something of every kind the store keeps, as a store in use holds it. */
async function fill(store: Store): Promise<Record<string, FactTable>> {
  const records = factTableFromRecords([
    { date: "2025-01-01", campaign: "Brand", spend: 1.5, reach: 10 },
    { date: "2025-01-02", campaign: null, spend: -0, clicks: 3 },
  ]);
  const read = readExport({
    bytes: Buffer.from("Campaign,Keyword,Cost\nA,café,1\nB,,2\n"),
    name: "read.csv",
  });
  const first = await store.saveDataset({
    team: "T1",
    channel: "C1",
    threadTs: "1.1",
    fileId: "F1",
    name: "records",
    receipt: read.receipt,
    facts: records,
    createdAt: new Date(1_000),
  });
  const second = await store.saveDataset({
    team: "T1",
    channel: "C2",
    fileId: "F2",
    name: "read.csv",
    receipt: read.receipt,
    totalsCheck: read.totalsCheck,
    facts: read.facts,
    createdAt: new Date(2_000),
  });
  await store.bindThread("C1", "1.1", first.record.id, T1);
  await store.appendHistory("C1", "1.1", [{ role: "user", text: "why?" }], T1);
  for (const spend of [5, 7]) {
    await store.saveLiveBatch({
      source: "n8n",
      workspace: T1,
      receivedAt: new Date(3_000 + spend),
      records: [{ kind: "metrics", externalId: "m1", date: "2025-01-01", campaign: "Brand", spend }],
    });
  }
  await store.saveLiveBatch({
    source: "shop",
    workspace: T1,
    records: [
      { kind: "lead", externalId: "l1", occurredAt: "2025-01-01T10:00:00Z", email: "a@example.com" },
      { kind: "order", externalId: "o1", occurredAt: "2025-01-01T11:00:00Z", value: 12.5, currency: "EUR" },
    ],
  });
  await store.claimEvent("Ev1");
  await store.rememberResponse("key-1", "body-1", async () => ({ status: 201, body: '{"stored":1}' }));
  const rule = await store.addAlertRule({ team: "T1", channel: "C1", definition: "roas < 2" });
  const alert = await store.openAlert({ ruleId: rule.id, key: "all", channel: "C1", summary: "ROAS low" });
  await store.setAlertMessage(alert.id, "9.9");
  await store.saveWebhookSecret({ workspace: T1, secretHash: "ab".repeat(32), createdBy: "U1" });
  await store.saveInstallation({ team: "T1", enterprise: null, enterpriseInstall: false }, "sealed");
  return { [first.record.id]: records, [second.record.id]: read.facts };
}

describe.each(STORE_KINDS)("migrations (%s)", (kind) => {
  it("migrates a database of every earlier version without losing anything stored", async () => {
    for (let version = 1; version < LATEST[kind]; version++) {
      const temp = freshTemp(kind);
      const first = await temp.open();
      const saved = await fill(first);
      await first.close();
      await downgrade(temp, version);
      const { schema_migrations: _, ...old } = await schemaOf(temp);
      const before = await contentsOf(temp, old);
      expect(before.datasets, `version ${version}`).toHaveLength(2);

      const store = await temp.open();
      expect((await store.ping()).schemaVersion).toBe(LATEST[kind]);
      expect(await contentsOf(temp, old), `from version ${version}`).toEqual(before);
      for (const [id, facts] of Object.entries(saved)) {
        expectSameFacts((await store.getDataset(id))?.facts as FactTable, facts);
      }
    }
  });
});

/**
 * Where the engines differ on purpose. SQLite runs jobs from its own table, PostgreSQL through pg-boss
 * (whose job ids are text) with a record of keys and leases beside it, and marks of jobs a push made due
 * (`jobs_due`) that wait for the relay into pg-boss; PostgreSQL counts migrations in a table, SQLite in
 * `user_version`; PostgreSQL orders datasets by `seq`, SQLite by rowid.
 */
const ONLY_SQLITE = { tables: ["jobs"], columns: ["job_steps.job_id"] };
const ONLY_POSTGRES = {
  tables: ["schema_migrations", "job_keys", "job_leases", "jobs_due"],
  columns: ["datasets.seq", "job_steps.job_id"],
};

/** What a column holds, in words both engines share: SQLite keeps booleans as integers. */
const KINDS: Record<string, string> = {
  TEXT: "text",
  INTEGER: "integer",
  REAL: "real",
  BLOB: "bytes",
  text: "text",
  integer: "integer",
  bigint: "integer",
  boolean: "integer",
  "double precision": "real",
  bytea: "bytes",
};

function comparable(shape: SchemaShape, only: { tables: string[]; columns: string[] }) {
  const described = (table: string, column: ColumnShape) =>
    `${table}.${column.name} ${KINDS[column.type] ?? `unmapped ${column.type}`}${column.notNull ? " not null" : ""}`;
  return Object.entries(shape)
    .filter(([table]) => !only.tables.includes(table))
    .flatMap(([table, columns]) =>
      columns
        .filter((column) => !only.columns.includes(`${table}.${column.name}`))
        .map((column) => described(table, column)),
    )
    .sort();
}

describe("schema on both engines", () => {
  it("reaches the same tables and columns from empty: a step added to one engine's list only fails here", async () => {
    const sqlite = freshTemp("sqlite");
    const postgres = freshTemp("postgres");
    await (await sqlite.open()).close();
    await (await postgres.open()).close();
    const sqliteShape = await schemaOf(sqlite);
    const postgresShape = await schemaOf(postgres);
    expect(Object.keys(sqliteShape)).toContain("dataset_columns");
    expect(comparable(sqliteShape, ONLY_SQLITE)).toEqual(comparable(postgresShape, ONLY_POSTGRES));
    // Every exception names a table or column that is there: a stale one would hide nothing and say so.
    const names = (shape: SchemaShape) =>
      Object.entries(shape).flatMap(([table, columns]) => [
        table,
        ...columns.map((column) => `${table}.${column.name}`),
      ]);
    for (const name of [...ONLY_SQLITE.tables, ...ONLY_SQLITE.columns])
      expect(names(sqliteShape)).toContain(name);
    for (const name of [...ONLY_POSTGRES.tables, ...ONLY_POSTGRES.columns]) {
      expect(names(postgresShape)).toContain(name);
    }
  });
});
