import type { NewDataset, SavedDataset } from "../store.js";
import { planSave, type SaveStep } from "./column-pieces.js";
import { type DatasetRow, datasetRow, recordOf } from "./dataset-rows.js";
import { eachColumnOf } from "./fact-columns.js";

type Answer<T> = T | Promise<T>;

/**
 * What an engine does for a save in pieces, each call its own short transaction. SQLite answers at once,
 * PostgreSQL with promises; `saveInPieces` awaits either.
 */
export interface DatasetWriter {
  /** The complete dataset stored from this file, if there is one. */
  storedFrom(fileId: string): Answer<DatasetRow | undefined>;
  /** Inserts the row as being saved: no file id yet, invisible to every read. */
  begin(row: DatasetRow): Answer<void>;
  /** Writes steps together; fails when the dataset was removed meanwhile. */
  write(datasetId: string, steps: readonly SaveStep[]): Answer<void>;
  /**
   * Makes the dataset visible under its file id, unless a dataset from that file was completed first: then
   * this one is removed and that one returned.
   */
  finish(row: DatasetRow): Answer<DatasetRow>;
  /** Removes a dataset still being saved, with whatever of it was written. */
  discard(datasetId: string): Answer<void>;
}

export interface PieceOptions {
  /** The most bytes of column data one transaction writes. */
  pieceBytes: number;
}

/** Lets other work run between two pieces: Slack acks, webhooks, health checks. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Saves a dataset in short transactions with a turn of the event loop between them. A file is stored once:
 * one already stored is returned untouched, and of two saves of one file racing (a redelivery, another
 * instance) the first to finish wins and the other removes its own pieces. A save that fails removes what
 * it wrote; one cut short by the process dying is removed when the store is next opened.
 */
export async function saveInPieces(
  input: NewDataset,
  writer: DatasetWriter,
  options: PieceOptions,
): Promise<SavedDataset> {
  const stored = input.fileId ? await writer.storedFrom(input.fileId) : undefined;
  if (stored) return { record: recordOf(stored), created: false };
  const row = datasetRow(input);
  const batches = planSave(eachColumnOf(input.facts), options.pieceBytes);
  await writer.begin(row);
  try {
    // A turn before making each batch (which may widen a column) and another before writing it.
    for (;;) {
      await nextTurn();
      const steps = batches.next();
      if (steps.done) break;
      await nextTurn();
      await writer.write(row.id, steps.value);
    }
    await nextTurn();
    const saved = await writer.finish(row);
    return { record: recordOf(saved), created: saved.id === row.id };
  } catch (error) {
    // Left behind if this fails too: the next open removes it, and no read sees it meanwhile.
    await Promise.resolve()
      .then(() => writer.discard(row.id))
      .catch(() => undefined);
    const { fileId } = input;
    const winner = fileId
      ? await Promise.resolve()
          .then(() => writer.storedFrom(fileId))
          .catch(() => undefined)
      : undefined;
    if (winner) return { record: recordOf(winner), created: false };
    throw error;
  }
}
