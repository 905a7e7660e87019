import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** A database of its own on the suite's PostgreSQL server, as a deployment's DATABASE_URL would name it. */
export interface TempDatabase {
  url: string;
  /** Drops the database, ending whatever connections are still open on it. */
  remove(): Promise<void>;
}

export async function postgresDatabase(): Promise<TempDatabase> {
  const server = inject("postgresUrl");
  const name = `mpo_test_${randomBytes(6).toString("hex")}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    remove: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
