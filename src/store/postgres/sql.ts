import type { QueryResultRow } from "pg";

/** A pool or one transaction's client: what the table modules send their statements to. */
export interface Sql {
  query<R extends QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}
