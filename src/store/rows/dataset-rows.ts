import { randomBytes } from "node:crypto";
import type { DatasetRecord, NewDataset } from "../store.js";

/** A dataset as both engines keep it (its facts are in dataset_columns, see fact-columns.ts). */
export interface DatasetRow {
  id: string;
  team: string | null;
  enterprise: string | null;
  channel: string;
  thread_ts: string | null;
  file_id: string | null;
  name: string;
  uploaded_by: string | null;
  created_at: number;
  row_count: number;
  receipt: string;
  totals_check: string | null;
}

export const DATASET_COLUMNS = [
  "id",
  "team",
  "enterprise",
  "channel",
  "thread_ts",
  "file_id",
  "name",
  "uploaded_by",
  "created_at",
  "row_count",
  "receipt",
  "totals_check",
] as const satisfies readonly (keyof DatasetRow)[];

export const DEFAULT_LIST_LIMIT = 50;

/** The row a new dataset is stored as, under a new id. */
export function datasetRow(input: NewDataset): DatasetRow {
  return {
    id: `ds_${randomBytes(6).toString("hex")}`,
    team: input.team ?? null,
    enterprise: input.enterprise ?? null,
    channel: input.channel,
    thread_ts: input.threadTs ?? null,
    file_id: input.fileId ?? null,
    name: input.name,
    uploaded_by: input.uploadedBy ?? null,
    created_at: (input.createdAt ?? new Date()).getTime(),
    row_count: input.facts.rowCount,
    receipt: JSON.stringify(input.receipt),
    totals_check: input.totalsCheck ? JSON.stringify(input.totalsCheck) : null,
  };
}

export function recordOf(row: DatasetRow): DatasetRecord {
  return {
    id: row.id,
    team: row.team,
    enterprise: row.enterprise,
    channel: row.channel,
    threadTs: row.thread_ts,
    fileId: row.file_id,
    name: row.name,
    uploadedBy: row.uploaded_by,
    createdAt: new Date(row.created_at).toISOString(),
    rowCount: row.row_count,
    receipt: JSON.parse(row.receipt),
    totalsCheck: row.totals_check ? JSON.parse(row.totals_check) : null,
  };
}
