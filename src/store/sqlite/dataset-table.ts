import type { Database } from "better-sqlite3";
import { columnAssembly, type PieceHead } from "../rows/column-pieces.js";
import { type DatasetRow, DEFAULT_LIST_LIMIT, recordOf } from "../rows/dataset-rows.js";
import { COLUMN_FIELDS, factsOfColumns, type StoredColumn } from "../rows/fact-columns.js";
import type { DatasetQuery, StoredDataset, Workspace } from "../store.js";
import { inWorkspace, ofWorkspace, workspaceKey } from "../workspace-key.js";

/**
 * The reads of datasets. Each one skips a dataset still being saved (`saving_at` set, see
 * dataset-writer.ts): it is visible only once all its pieces are in. Saving is dataset-writer.ts's.
 */
export function datasetTable(db: Database) {
  const byId = db.prepare<[string], DatasetRow>("SELECT * FROM datasets WHERE id = ? AND saving_at IS NULL");
  // A dataset is given its file id only once complete.
  const byFile = db.prepare<[string], DatasetRow>("SELECT * FROM datasets WHERE file_id = ?");
  // Every read by conversation is one workspace's: @team and @enterprise are `workspaceKey`'s values.
  const startingThread = db.prepare<[ThreadParams], DatasetRow>(`
    SELECT * FROM datasets WHERE ${inWorkspace("@team", "@enterprise")} AND channel = @channel AND thread_ts = @ts
      AND saving_at IS NULL
    ORDER BY created_at DESC, rowid DESC LIMIT 1`);
  const boundToThread = db.prepare<[ThreadParams], DatasetRow>(`
    SELECT datasets.* FROM threads JOIN datasets ON datasets.id = threads.dataset_id
    WHERE ${inWorkspace("@team", "@enterprise", "threads")} AND threads.channel = @channel
      AND threads.thread_ts = @ts AND ${inWorkspace("@team", "@enterprise", "datasets")}
      AND datasets.saving_at IS NULL`);
  // A null channel or channels parameter leaves its condition out.
  const newest = db.prepare<[ListParams], DatasetRow>(`
    SELECT * FROM datasets
    WHERE ${inWorkspace("@team", "@enterprise")}
      AND (@channel IS NULL OR channel = @channel)
      AND (@channels IS NULL OR channel IN (SELECT value FROM json_each(@channels)))
      AND saving_at IS NULL
    ORDER BY created_at DESC, rowid DESC LIMIT @limit`);
  const columnsOf = db.prepare<[string], StoredColumn & { position: number }>(
    `SELECT position, ${COLUMN_FIELDS.join(", ")} FROM dataset_columns WHERE dataset_id = ? ORDER BY position`,
  );
  // length() of a blob reads no more than its header: the pieces are listed without being read.
  const piecesOf = db.prepare<[string], PieceHead>(
    `SELECT position, field, length(bytes) AS length FROM dataset_column_pieces
     WHERE dataset_id = ? ORDER BY position, field, piece`,
  );
  const pieceBytes = db.prepare<[string], PieceHead & { bytes: Buffer }>(
    `SELECT position, field, bytes FROM dataset_column_pieces WHERE dataset_id = ? ORDER BY position, field, piece`,
  );

  /** Each piece is copied into its column's buffer as it is read, so a load holds one piece beyond the dataset. */
  const storedColumns = (datasetId: string): StoredColumn[] => {
    const assembly = columnAssembly(columnsOf.all(datasetId), piecesOf.all(datasetId));
    for (const piece of pieceBytes.iterate(datasetId)) assembly.put(piece.position, piece.field, piece.bytes);
    return assembly.columns();
  };
  const withFacts = (row: DatasetRow | undefined): StoredDataset | null =>
    row ? { record: recordOf(row), facts: factsOfColumns(row.row_count, storedColumns(row.id)) } : null;
  const list = (query: DatasetQuery = {}) =>
    newest.all({
      channel: query.channel ?? null,
      team: workspaceKey(query.workspace)[0],
      enterprise: workspaceKey(query.workspace)[1],
      channels: query.channels ? JSON.stringify(query.channels) : null,
      limit: query.limit ?? DEFAULT_LIST_LIMIT,
    });

  return {
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
