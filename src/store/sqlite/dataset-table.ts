import type { Database } from "better-sqlite3";
import {
  DATASET_COLUMNS,
  type DatasetRow,
  DEFAULT_LIST_LIMIT,
  datasetRow,
  recordOf,
} from "../rows/dataset-rows.js";
import { COLUMN_FIELDS, columnsOfFacts, factsOfColumns, type StoredColumn } from "../rows/fact-columns.js";
import type { DatasetQuery, NewDataset, SavedDataset, StoredDataset, Workspace } from "../store.js";
import { inWorkspace, ofWorkspace, workspaceKey } from "../workspace-key.js";

export function datasetTable(db: Database) {
  const insert = db.prepare(
    `INSERT INTO datasets (${DATASET_COLUMNS.join(", ")}) VALUES (${DATASET_COLUMNS.map((column) => `@${column}`).join(", ")})`,
  );
  const insertColumn = db.prepare(
    `INSERT INTO dataset_columns (dataset_id, position, ${COLUMN_FIELDS.join(", ")})
     VALUES (?, ?, ${COLUMN_FIELDS.map(() => "?").join(", ")})`,
  );
  const byId = db.prepare<[string], DatasetRow>("SELECT * FROM datasets WHERE id = ?");
  const byFile = db.prepare<[string], DatasetRow>("SELECT * FROM datasets WHERE file_id = ?");
  // Every read by conversation is one workspace's: @team and @enterprise are `workspaceKey`'s values.
  const startingThread = db.prepare<[ThreadParams], DatasetRow>(`
    SELECT * FROM datasets WHERE ${inWorkspace("@team", "@enterprise")} AND channel = @channel AND thread_ts = @ts
    ORDER BY created_at DESC, rowid DESC LIMIT 1`);
  const boundToThread = db.prepare<[ThreadParams], DatasetRow>(`
    SELECT datasets.* FROM threads JOIN datasets ON datasets.id = threads.dataset_id
    WHERE ${inWorkspace("@team", "@enterprise", "threads")} AND threads.channel = @channel
      AND threads.thread_ts = @ts AND ${inWorkspace("@team", "@enterprise", "datasets")}`);
  // A null channel or channels parameter leaves its condition out.
  const newest = db.prepare<[ListParams], DatasetRow>(`
    SELECT * FROM datasets
    WHERE ${inWorkspace("@team", "@enterprise")}
      AND (@channel IS NULL OR channel = @channel)
      AND (@channels IS NULL OR channel IN (SELECT value FROM json_each(@channels)))
    ORDER BY created_at DESC, rowid DESC LIMIT @limit`);
  const columnsOf = db.prepare<[string], StoredColumn>(
    `SELECT ${COLUMN_FIELDS.join(", ")} FROM dataset_columns WHERE dataset_id = ? ORDER BY position`,
  );

  const save = db.transaction((input: NewDataset): SavedDataset => {
    if (input.fileId) {
      const existing = byFile.get(input.fileId);
      if (existing) return { record: recordOf(existing), created: false };
    }
    const row = datasetRow(input);
    insert.run(row);
    columnsOfFacts(input.facts).forEach((column, position) => {
      insertColumn.run(row.id, position, ...COLUMN_FIELDS.map((field) => column[field]));
    });
    return { record: recordOf(row), created: true };
  });

  const withFacts = (row: DatasetRow | undefined): StoredDataset | null =>
    row ? { record: recordOf(row), facts: factsOfColumns(row.row_count, columnsOf.all(row.id)) } : null;
  const list = (query: DatasetQuery = {}) =>
    newest.all({
      channel: query.channel ?? null,
      team: workspaceKey(query.workspace)[0],
      enterprise: workspaceKey(query.workspace)[1],
      channels: query.channels ? JSON.stringify(query.channels) : null,
      limit: query.limit ?? DEFAULT_LIST_LIMIT,
    });

  return {
    save: (input: NewDataset) => save(input),
    get: (id: string, workspace?: Workspace) => {
      const row = byId.get(id);
      return withFacts(row && (!workspace || ofWorkspace(row, workspace)) ? row : undefined);
    },
    findByFile: (fileId: string) => {
      const row = byFile.get(fileId);
      return row ? recordOf(row) : null;
    },
    latest: (channel: string, workspace?: Workspace) => withFacts(list({ channel, workspace, limit: 1 })[0]),
    list: (query?: DatasetQuery) => list(query).map(recordOf),
    forThread: (channel: string, threadTs: string, workspace?: Workspace) => {
      const [team, enterprise] = workspaceKey(workspace);
      const params = { team, enterprise, channel, ts: threadTs };
      return withFacts(boundToThread.get(params) ?? startingThread.get(params));
    },
  };
}

interface ThreadParams {
  team: string;
  enterprise: string;
  channel: string;
  ts: string;
}

interface ListParams {
  channel: string | null;
  team: string;
  enterprise: string;
  channels: string | null;
  limit: number;
}
