import type { QueryResultRow } from "pg";

/** A pool or one transaction's client: what the table modules send their statements to. */
export interface Sql {
  query<R extends QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** `$1, $2, …`: the positional parameters of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, (_, index) => `$${index + 1}`).join(", ");
}
